import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.tsx';
import { referralFailure } from './referral-errors.ts';

interface Props {
  hasMore: boolean;
  showMore: () => Promise<void>;
  loadingMore: boolean;
  moreError: unknown;
}

/** "Show more" under a list read page by page; says why when the next page failed. */
export function ShowMore({ hasMore, showMore, loadingMore, moreError }: Props) {
  const { t } = useTranslation();
  return (
    <>
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
