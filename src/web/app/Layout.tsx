import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './Header.tsx';

/** Skip link, banner and the one <main> landmark every page renders into. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
    </>
  );
}
