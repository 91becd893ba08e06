import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { CasePager } from './CasePager.tsx';
import { CaseTable } from './CaseTable.tsx';
import type { CaseListView } from './use-case-list.ts';

/** The results: count (announced politely), table or message, pager. */
export function CaseResults({ loading, outcome, page, hasNext, next, previous }: CaseListView) {
  const { t } = useTranslation();
  const list = outcome?.status === 'ready' ? outcome.list : null;
  const summary = loading
    ? t('common.loading')
    : list === null
      ? null
      : list.totalCapped
        ? t('cases.results.totalCapped', { count: list.total })
        : t('cases.results.total', { count: list.total });
  return (
    <section aria-labelledby="results-heading" aria-busy={loading}>
      <h2 id="results-heading">{t('cases.results.heading')}</h2>
      <p role="status" className="results__summary">
        {summary}
      </p>
      {!loading && outcome?.status === 'error' && (
        <FormAlert message={errorMessage(t, outcome.error)} />
      )}
      {list !== null &&
        (list.items.length === 0 ? (
          !loading && <p>{t('cases.results.empty')}</p>
        ) : (
          <div className={loading ? 'results results--stale' : 'results'}>
            <CaseTable items={list.items} page={page} />
          </div>
        ))}
      {(page > 1 || hasNext) && (
        <CasePager page={page} hasNext={hasNext} next={next} previous={previous} />
      )}
    </section>
  );
}
