import { useTranslation } from 'react-i18next';
import { directoryApi } from '../../api/directory-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { navigate } from '../../router/history.ts';
import { ServiceForm } from './ServiceForm.tsx';
import { serviceUrl } from './SearchResults.tsx';

/** Add a service to a provider (serviceId null) or edit one of its services. */
export function ServiceEditPage({
  providerId,
  serviceId,
}: {
  providerId: string;
  serviceId: string | null;
}) {
  const { t } = useTranslation();
  const provider = useResource(`provider:${providerId}`, () => directoryApi.provider(providerId));
  const back = `/directory/providers/${encodeURIComponent(providerId)}`;
  const title = serviceId ? t('directory.service.editTitle') : t('directory.service.addTitle');
  if (provider.state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  const service =
    provider.state.status === 'ready' && serviceId
      ? (provider.state.data.services.find((s) => s.id === serviceId) ?? null)
      : null;
  const missing = provider.state.status === 'ready' && serviceId !== null && service === null;
  return (
    <>
      <p>
        <Link to={back}>{t('directory.backToProvider')}</Link>
      </p>
      <PageHeading title={title} />
      {provider.state.status === 'error' && (
        <FormAlert message={errorMessage(t, provider.state.error)} />
      )}
      {missing && <FormAlert message={t('errors.not_found')} />}
      {provider.state.status === 'ready' && !missing && (
        <>
          <p>
            {t('directory.service.ofProvider')} <bdi>{provider.state.data.name}</bdi>
          </p>
          <ServiceForm
            providerId={providerId}
            service={service}
            onCancel={() => navigate(back)}
            onSaved={(saved) => navigate(serviceUrl(providerId, saved.id))}
          />
        </>
      )}
    </>
  );
}
