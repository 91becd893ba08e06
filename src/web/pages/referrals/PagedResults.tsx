import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.tsx';
import { referralFailure } from './referral-errors.ts';
import type { PagedList } from './use-paged-list.ts';

interface Props<T> {
  list: PagedList<T>;
  /** Said when the list is empty. */
  empty: string;
  children: (items: T[]) => ReactNode;
}

/** A list read page by page: loading, why it failed, or the items and "Show more". */
export function PagedResults<T>({ list, empty, children }: Props<T>) {
  const { t } = useTranslation();
  const { state, items, hasMore, showMore, loadingMore, moreError } = list;
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') return <FormAlert message={referralFailure(t, state.error)} />;
  return (
    <>
      {items.length === 0 ? <p>{empty}</p> : children(items)}
      {/* Pages already shown stay when the next one fails; the alert says why. */}
      <FormAlert message={moreError ? referralFailure(t, moreError) : null} />
      {hasMore && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={loadingMore}
            onClick={() => void showMore()}
          >
            {loadingMore ? t('common.loading') : t('referrals.inbox.more')}
          </button>
        </div>
      )}
    </>
  );
}
