import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/history.ts';
import { casesUrl, filtersFromSearch } from './case-filters.ts';
import { CaseFiltersForm } from './CaseFiltersForm.tsx';
import { CaseResults } from './CaseResults.tsx';
import { useCaseList } from './use-case-list.ts';

/** /cases: filters (kept in the URL) and one page of results. */
export function CaseListPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const filterKey = casesUrl(filters);
  const list = useCaseList(filters, filterKey);
  return (
    <>
      <div className="page-title">
        <PageHeading title={t('cases.title')} />
        <Link to="/cases/new" className="button">
          {t('cases.new')}
        </Link>
      </div>
      <CaseFiltersForm filters={filters} filterKey={filterKey} />
      <CaseResults {...list} />
    </>
  );
}
