import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { listenForDoubleEscape, quickExit } from './quick-exit.ts';

/**
 * The quick exit, kept in view at the top of every screening screen (sticky), and Escape pressed
 * twice. See quick-exit.ts for what it clears.
 */
export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => listenForDoubleEscape(), []);
  return (
    <div className="quick-exit">
      <button
        type="button"
        className="button quick-exit__button"
        onClick={quickExit}
        aria-describedby="quick-exit-hint"
      >
        {t('screening.quickExit.button')}
      </button>
      <span id="quick-exit-hint" className="visually-hidden">
        {t('screening.quickExit.hint')}
      </span>
    </div>
  );
}
