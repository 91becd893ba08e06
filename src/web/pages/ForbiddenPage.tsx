import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { Link } from '../router/Link.tsx';

/** A page the user's role may not open (the server refuses it too). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('forbidden.title')} />
      <p>{t('errors.forbidden')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
