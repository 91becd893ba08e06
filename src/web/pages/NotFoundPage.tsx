import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { Link } from '../router/Link.tsx';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
