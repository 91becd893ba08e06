import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Link } from '../../router/Link.tsx';
import { navigate } from '../../router/history.ts';
import { ProviderForm } from './ProviderForm.tsx';

/** /directory/providers/new: list a provider; its services are added on its page. */
export function NewProviderPage() {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/directory/manage">{t('directory.manage.back')}</Link>
      </p>
      <PageHeading title={t('directory.provider.addTitle')} />
      <p className="hint">{t('common.requiredHint')}</p>
      <ProviderForm
        provider={null}
        onCancel={() => navigate('/directory/manage')}
        onSaved={(p) => navigate(`/directory/providers/${encodeURIComponent(p.id)}`)}
      />
    </>
  );
}
