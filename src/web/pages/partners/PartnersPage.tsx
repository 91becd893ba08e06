import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { instancesApi, type Partner } from '../../api/instances-api.ts';
import { ConfirmRemove } from '../../components/ConfirmRemove.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LoadedItems } from '../../components/LoadedItems.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { AddPartnerForm } from './AddPartnerForm.tsx';
import { InstanceCardPanel } from './InstanceCardPanel.tsx';
import './partners.css';

/**
 * /admin/partners (partner:manage): this instance's card, and the partner instances the
 * organisation trusts for sealed referral packages (docs/instances.md).
 */
export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const card = useResource('instance-card', instancesApi.card);
  const partners = useResource('partners', instancesApi.partners);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const remove = async (p: Partner) => {
    setConfirming(null);
    setAlert(null);
    setStatus(null);
    try {
      await instancesApi.removePartner(p.id);
      setStatus(t('partners.list.removed', { name: p.name }));
      partners.reload();
    } catch (e) {
      setAlert(errorMessage(t, e));
    }
  };

  return (
    <>
      <PageHeading title={t('partners.title')} />
      <p className="hint">{t('partners.intro')}</p>
      {card.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {card.state.status === 'error' && <FormAlert message={errorMessage(t, card.state.error)} />}
      {card.state.status === 'ready' && <InstanceCardPanel card={card.state.data} />}
      <AddPartnerForm
        onAdded={(p) => {
          setAlert(null);
          setStatus(t('partners.add.added', { name: p.name }));
          partners.reload();
        }}
      />
      <section className="section" aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t('partners.list.heading')}</h2>
        <FormAlert message={alert} />
        <StatusMessage message={status} />
        <LoadedItems state={partners.state} none={t('partners.list.none')}>
          {(items) => (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t('partners.list.name')}</th>
                  <th scope="col">{t('partners.list.fingerprint')}</th>
                  <th scope="col">{t('partners.list.verified')}</th>
                  <th scope="col">{t('partners.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t('partners.list.name')}>
                      <bdi>{p.name}</bdi>
                    </th>
                    <td data-label={t('partners.list.fingerprint')}>
                      <code dir="ltr">{p.fingerprint}</code>
                    </td>
                    <td data-label={t('partners.list.verified')}>
                      {t('partners.list.verifiedBy', {
                        name: p.verifiedBy?.displayName ?? t('partners.list.operator'),
                        at: formatDateTime(p.verifiedAt, i18n.language),
                      })}
                    </td>
                    <td data-label={t('partners.list.actions')}>
                      <ConfirmRemove
                        asking={confirming === p.id}
                        onAsk={() => setConfirming(p.id)}
                        onCancel={() => setConfirming(null)}
                        onConfirm={() => void remove(p)}
                        label={t('partners.list.remove')}
                        labelNamed={t('partners.list.removeNamed', { name: p.name })}
                        question={t('partners.list.confirmRemove', { name: p.name })}
                        confirmLabel={t('partners.list.yesRemove')}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadedItems>
      </section>
    </>
  );
}
