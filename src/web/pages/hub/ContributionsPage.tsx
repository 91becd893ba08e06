import { useTranslation } from 'react-i18next';
import type { ContributionSummary } from '../../../shared/api/hub-contributions.schema.ts';
import { contributionsApi } from '../../api/hub-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { ContributionStatus } from './ContributionStatus.tsx';
import { formatCount } from './hub-format.ts';

/** /hub/contributions (hub:contribute): the organisation's contributions to the hub, newest first. */
export function ContributionsPage() {
  const { t } = useTranslation();
  const list = useResource('hub/contributions', () => contributionsApi.list());
  return (
    <>
      <div className="page-title">
        <PageHeading title={t('hub.contributions.title')} />
        <Link to="/hub/contributions/new" className="button">
          {t('hub.contributions.prepare')}
        </Link>
      </div>
      <p className="hint">{t('hub.contributions.intro')}</p>
      {list.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {list.state.status === 'error' && <FormAlert message={errorMessage(t, list.state.error)} />}
      {list.state.status === 'ready' &&
        (list.state.data.items.length === 0 ? (
          <p className="panel">{t('hub.contributions.empty')}</p>
        ) : (
          <ContributionTable items={list.state.data.items} />
        ))}
    </>
  );
}

function ContributionTable({ items }: { items: readonly ContributionSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const period = (c: ContributionSummary) =>
    c.registeredFrom || c.registeredTo
      ? t('hub.contributions.periodValue', {
          from: c.registeredFrom ? formatDate(c.registeredFrom, lang) : '…',
          to: c.registeredTo ? formatDate(c.registeredTo, lang) : '…',
        })
      : t('hub.contributions.allPeriods');
  return (
    <table className="stack-table">
      <caption className="visually-hidden">{t('hub.contributions.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hub.contributions.label')}</th>
          <th scope="col">{t('hub.contributions.statusLabel')}</th>
          <th scope="col">{t('hub.contributions.period')}</th>
          <th scope="col">{t('hub.contributions.rows')}</th>
          <th scope="col">{t('hub.contributions.k')}</th>
          <th scope="col">{t('hub.contributions.prepared')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
            <th scope="row" data-label={t('hub.contributions.label')}>
              <Link to={`/hub/contributions/${encodeURIComponent(c.id)}`}>
                <bdi>{c.label}</bdi>
              </Link>
            </th>
            <td data-label={t('hub.contributions.statusLabel')}>
              <ContributionStatus status={c.status} />
            </td>
            <td data-label={t('hub.contributions.period')}>{period(c)}</td>
            <td data-label={t('hub.contributions.rows')}>{formatCount(c.counts.rows, lang)}</td>
            <td data-label={t('hub.contributions.k')}>{c.k}</td>
            <td data-label={t('hub.contributions.prepared')}>
              <span>
                <bdi>{c.preparedBy}</bdi> ·{' '}
                <time dateTime={c.preparedAt}>{formatDateTime(c.preparedAt, lang)}</time>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
