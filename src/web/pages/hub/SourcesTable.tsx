import { useTranslation } from 'react-i18next';
import type { HubSourceList } from '../../../shared/api/hub.schema.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Resource } from '../../lib/use-resource.ts';
import { formatCount } from './hub-format.ts';

/** The hub store's sources: contributions and imports, kept apart; withdrawn ones say so. */
export function SourcesTable({ state }: { state: Resource<HubSourceList> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') return <FormAlert message={errorMessage(t, state.error)} />;
  if (state.data.sources.length === 0) return <p className="muted">{t('hub.sources.empty')}</p>;
  return (
    <table className="stack-table">
      <caption className="visually-hidden">{t('hub.sources.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hub.sources.label')}</th>
          <th scope="col">{t('hub.sources.kind')}</th>
          <th scope="col">{t('hub.sources.layout')}</th>
          <th scope="col">{t('hub.sources.rows')}</th>
          <th scope="col">{t('hub.sources.added')}</th>
        </tr>
      </thead>
      <tbody>
        {state.data.sources.map((s) => (
          <tr key={s.id}>
            <th scope="row" data-label={t('hub.sources.label')}>
              <bdi>{s.label}</bdi>
            </th>
            <td data-label={t('hub.sources.kind')}>{t(`hub.sourceKind.${s.kind}`)}</td>
            <td data-label={t('hub.sources.layout')}>{t(`hub.layout.${s.layout}`)}</td>
            <td data-label={t('hub.sources.rows')}>
              {s.withdrawnAt ? t('hub.sources.withdrawn') : formatCount(s.rowCount, lang)}
            </td>
            <td data-label={t('hub.sources.added')}>
              <time dateTime={s.createdAt}>{formatDateTime(s.createdAt, lang)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
