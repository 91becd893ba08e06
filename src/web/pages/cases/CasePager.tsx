import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
}

/**
 * "Previous" / "Next" between cursor pages. Unavailable buttons are aria-disabled rather than
 * disabled, so keyboard focus stays on them while the next page loads.
 */
export function CasePager({ page, hasNext, next, previous }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('cases.pager.label')}>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={page <= 1}
        onClick={previous}
      >
        {t('cases.pager.previous')}
      </button>
      <span className="pager__page">{t('cases.pager.page', { page })}</span>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={!hasNext}
        onClick={next}
      >
        {t('cases.pager.next')}
      </button>
    </nav>
  );
}
