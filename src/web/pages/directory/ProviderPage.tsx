import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderDetail, Service } from '../../../shared/api/directory.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { directoryApi } from '../../api/directory-api.ts';
import { FactList } from '../../components/FactList.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { WorldMap } from '../../components/map/WorldMap.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/history.ts';
import { useUser } from '../../session/session-context.ts';
import { CapacityForm } from './CapacityForm.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { ServiceFacts } from './ServiceFacts.tsx';
import { useDirectoryLabels } from './use-directory-labels.ts';

const SERVICES_ID = 'provider-services';

/** /directory/providers/:id: a provider, its services on a map and in words, and the forms its
 * listing organisation (edit) and receiving organisation (places) may use. */
export function ProviderPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const { search } = useLocation();
  const labels = useDirectoryLabels();
  const provider = useResource(`provider:${id}`, () => directoryApi.provider(id));
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const wanted = search.get('service');
  const ready = provider.state.status === 'ready';

  // Opened from a search result: bring that service into view.
  useEffect(() => {
    if (!ready || !wanted) return;
    const heading = document.getElementById(`service-${wanted}`);
    heading?.scrollIntoView({ block: 'start' });
  }, [ready, wanted]);

  if (provider.state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (provider.state.status === 'error') {
    return (
      <>
        <PageHeading title={t('directory.provider.title')} />
        <FormAlert message={errorMessage(t, provider.state.error)} />
        <Link to="/directory">{t('directory.backToSearch')}</Link>
      </>
    );
  }
  const p: ProviderDetail = provider.state.data;
  const manage = p.mine && can(role, 'directory:manage');
  const capacity = (p.mine || p.receivedByMe) && can(role, 'directory:capacity');
  const replaceService = (s: Service) =>
    provider.set({ ...p, services: p.services.map((x) => (x.id === s.id ? s : x)) });

  return (
    <>
      <p>
        <Link to="/directory">{t('directory.backToSearch')}</Link>
      </p>
      <div className="page-title">
        <PageHeading title={p.name}>
          <bdi>{p.name}</bdi>
        </PageHeading>
      </div>
      <StatusMessage message={status} />
      <FactList
        facts={[
          ...(p.description
            ? [{ label: t('directory.provider.description'), value: <bdi>{p.description}</bdi> }]
            : []),
          ...(p.phone
            ? [{ label: t('directory.provider.phone'), value: <span dir="ltr">{p.phone}</span> }]
            : []),
          ...(p.email
            ? [{ label: t('directory.provider.email'), value: <span dir="ltr">{p.email}</span> }]
            : []),
          ...(p.website
            ? [
                {
                  label: t('directory.provider.website'),
                  value: (
                    <a href={p.website} rel="noopener noreferrer" target="_blank" dir="ltr">
                      {p.website}
                    </a>
                  ),
                },
              ]
            : []),
          {
            label: t('directory.provider.referrals'),
            value: p.receivesReferrals
              ? t('directory.provider.receivesYes')
              : t('directory.provider.receivesNo'),
          },
          ...(p.mine
            ? [{ label: t('directory.provider.listing'), value: t('directory.provider.mine') }]
            : []),
          ...(!p.active
            ? [{ label: t('directory.service.state'), value: t('directory.service.inactive') }]
            : []),
        ]}
      />
      {manage && (
        <div className="actions directory__actions">
          {!editing && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditing(true)}
            >
              {t('directory.provider.edit')}
            </button>
          )}
          <Link
            to={`/directory/providers/${encodeURIComponent(p.id)}/services/new`}
            className="button"
          >
            {t('directory.service.addLink')}
          </Link>
        </div>
      )}
      {manage && editing && (
        <section className="section panel" aria-labelledby="edit-provider-heading">
          <h2 id="edit-provider-heading">{t('directory.provider.edit')}</h2>
          <ProviderForm
            provider={p}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              provider.set({ ...p, ...saved });
              setEditing(false);
              setStatus(t('directory.provider.saved'));
            }}
          />
        </section>
      )}
      <section className="section" aria-labelledby="services-heading">
        <h2 id="services-heading">{t('directory.provider.services')}</h2>
        {p.services.length === 0 ? (
          <p>{t('directory.provider.noServices')}</p>
        ) : (
          <>
            <WorldMap
              label={t('directory.map.providerLabel', { count: p.services.length })}
              describedBy={SERVICES_ID}
              height={280}
              points={p.services.map((s) => ({
                id: s.id,
                latitude: s.latitude,
                longitude: s.longitude,
                label: s.name,
                details: [labels.serviceType(s.serviceType)],
                emphasis: s.id === wanted,
              }))}
              onPointSelect={(sid) => document.getElementById(`service-${sid}`)?.focus()}
            />
            <ul id={SERVICES_ID} className="service-list">
              {p.services.map((s) => (
                <li key={s.id} className="service-card">
                  <h3 id={`service-${s.id}`} tabIndex={-1}>
                    <bdi>{s.name}</bdi>
                  </h3>
                  <ServiceFacts service={s} />
                  {manage && (
                    <p>
                      <Link
                        to={`/directory/providers/${encodeURIComponent(p.id)}/services/${encodeURIComponent(s.id)}/edit`}
                        aria-label={t('directory.service.editNamed', { service: s.name })}
                      >
                        {t('directory.service.edit')}
                      </Link>
                    </p>
                  )}
                  {capacity && (
                    <details className="capacity">
                      <summary>{t('directory.capacity.heading')}</summary>
                      <CapacityForm service={s} onSaved={replaceService} />
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
