import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TracingRequestSummary } from '../../../shared/api/tracing.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { TRACING_STATUSES } from '../../../shared/reunite/tracing-lifecycle.ts';
import { tracingApi } from '../../api/tracing-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { navigate, useLocation } from '../../router/history.ts';
import { useUser } from '../../session/session-context.ts';
import { useTracingLabels } from './use-tracing-labels.ts';
import '../duplicates/reunite.css';

/**
 * /tracing — the organisation's tracing requests, newest first. Like the case list it carries
 * no names: the sought person and the enquirer show only on the request's page (an audited
 * read). `?status=` holds a code only.
 */
export function TracingListPage() {
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  const { role } = useUser();
  const { search } = useLocation();
  const status = TRACING_STATUSES.find((s) => s === search.get('status'));
  const key = `tracing/${status ?? 'all'}`;
  const { state } = useResource(key, () => tracingApi.list(status ? { status } : {}));
  const [more, setMore] = useState<{ key: string; items: TracingRequestSummary[] } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more?.key === key ? more.items : [];
  const items = state.status === 'ready' ? [...state.data.items, ...extra] : [];
  const total = state.status === 'ready' ? state.data.total : 0;

  const showMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await tracingApi.list({ ...(status ? { status } : {}), offset: items.length });
      setMore({ key, items: [...extra, ...page.items] });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time> : '—';

  return (
    <>
      <div className="page-title">
        <PageHeading title={t('tracing.list.title')} />
        {can(role, 'tracing:write') && (
          <Link to="/tracing/new" className="button">
            {t('tracing.list.new')}
          </Link>
        )}
      </div>
      <p className="hint">{t('tracing.list.intro')}</p>
      <div className="filters grid">
        <SelectField
          id="tracing-status"
          label={t('tracing.list.filter')}
          value={status ?? ''}
          onValue={(v) => navigate(v ? `/tracing?status=${v}` : '/tracing')}
        >
          <option value="">{t('tracing.list.all')}</option>
          {TRACING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.status(s)}
            </option>
          ))}
        </SelectField>
      </div>
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' && <p role="status">{t('tracing.list.total', { count: total })}</p>}
      {state.status === 'ready' && items.length > 0 && (
        <table className="stack-table">
          <caption className="visually-hidden">{t('tracing.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tracing.fields.reference')}</th>
              <th scope="col">{t('tracing.fields.status')}</th>
              <th scope="col">{t('tracing.fields.child')}</th>
              <th scope="col">{t('tracing.fields.enquirerKind')}</th>
              <th scope="col">{t('tracing.fields.proposed')}</th>
              <th scope="col">{t('tracing.fields.createdAt')}</th>
              <th scope="col">{t('tracing.fields.lastSearchedAt')}</th>
              <th scope="col">{t('tracing.fields.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row" data-label={t('tracing.fields.reference')}>
                  <Link to={`/tracing/${encodeURIComponent(r.id)}`}>
                    <bdi dir="ltr">{r.reference}</bdi>
                  </Link>
                </th>
                <td data-label={t('tracing.fields.status')}>
                  <span className="reunite-badge">{labels.status(r.status)}</span>
                </td>
                <td data-label={t('tracing.fields.child')}>{labels.child(r.soughtIsChild)}</td>
                <td data-label={t('tracing.fields.enquirerKind')}>
                  {labels.enquirerKind(r.enquirerKind)}
                </td>
                <td data-label={t('tracing.fields.proposed')}>{r.proposedCandidates}</td>
                <td data-label={t('tracing.fields.createdAt')}>{when(r.createdAt)}</td>
                <td data-label={t('tracing.fields.lastSearchedAt')}>{when(r.lastSearchedAt)}</td>
                <td data-label={t('tracing.fields.updatedAt')}>{when(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormAlert message={moreError ? errorMessage(t, moreError) : null} />
      {state.status === 'ready' && items.length < total && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={loadingMore}
            onClick={() => void showMore()}
          >
            {loadingMore ? t('common.loading') : t('tracing.list.more')}
          </button>
        </div>
      )}
    </>
  );
}
