import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { webhooksApi, type Webhook } from '../../../api/notify-api.ts';
import { ConfirmRemove } from '../../../components/ConfirmRemove.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { LoadedItems } from '../../../components/LoadedItems.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { errorCode, errorMessage } from '../../../lib/error-message.ts';
import { useResource } from '../../../lib/use-resource.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { SecretPanel } from './SecretPanel.tsx';
import { WebhookForm } from './WebhookForm.tsx';

/** /admin/webhooks (webhook:manage): endpoints told of referral events, signed with HMAC. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const hooks = useResource('webhooks', webhooksApi.list);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setAlert(null);
    setStatus(null);
    try {
      await run();
      setStatus(done);
      hooks.reload();
    } catch (e) {
      setAlert(errorCode(e) === 'conflict' ? t('webhooks.errors.inactive') : errorMessage(t, e));
    }
  };
  const events = (w: Webhook) =>
    w.eventTypes.length === 0
      ? t('webhooks.allEvents')
      : w.eventTypes.map((e) => t(`webhooks.event.${e}`)).join(t('common.listSeparator'));

  return (
    <>
      <PageHeading title={t('webhooks.title')} />
      <p className="hint">{t('webhooks.intro')}</p>
      {secret && (
        <SecretPanel url={secret.url} secret={secret.secret} onDismiss={() => setSecret(null)} />
      )}
      <WebhookForm
        onCreated={(w) => {
          setSecret({ url: w.url, secret: w.secret });
          hooks.reload();
        }}
      />
      <section className="section" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">{t('webhooks.list.heading')}</h2>
        <FormAlert message={alert} />
        <StatusMessage message={status} />
        <LoadedItems state={hooks.state} none={t('webhooks.list.none')}>
          {(items) => (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.fields.url')}</th>
                  <th scope="col">{t('webhooks.fields.events')}</th>
                  <th scope="col">{t('webhooks.list.state')}</th>
                  <th scope="col">{t('webhooks.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((w) => {
                  const name = w.description ?? w.url;
                  return (
                    <tr key={w.id}>
                      <th scope="row" data-label={t('webhooks.fields.url')}>
                        <span>
                          <bdi dir="ltr">{w.url}</bdi>
                          {w.description && (
                            <>
                              <br />
                              <bdi className="muted">{w.description}</bdi>
                            </>
                          )}
                        </span>
                      </th>
                      <td data-label={t('webhooks.fields.events')}>{events(w)}</td>
                      <td data-label={t('webhooks.list.state')}>
                        {w.active ? t('webhooks.list.active') : t('webhooks.list.inactive')}
                      </td>
                      <td data-label={t('webhooks.list.actions')}>
                        <div className="row-actions">
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-label={t(
                              w.active ? 'webhooks.list.disableNamed' : 'webhooks.list.enableNamed',
                              { name },
                            )}
                            onClick={() =>
                              void act(
                                () => webhooksApi.update(w.id, { active: !w.active }),
                                w.active ? t('webhooks.list.disabled') : t('webhooks.list.enabled'),
                              )
                            }
                          >
                            {w.active ? t('webhooks.list.disable') : t('webhooks.list.enable')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-label={t('webhooks.list.pingNamed', { name })}
                            onClick={() =>
                              void act(async () => {
                                await webhooksApi.ping(w.id);
                                setLogOf(w.id);
                              }, t('webhooks.list.pinged'))
                            }
                          >
                            {t('webhooks.list.ping')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-expanded={logOf === w.id}
                            aria-label={t('webhooks.list.logNamed', { name })}
                            onClick={() => setLogOf(logOf === w.id ? null : w.id)}
                          >
                            {t('webhooks.list.log')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-label={t('webhooks.list.rotateNamed', { name })}
                            onClick={() =>
                              void act(async () => {
                                const rotated = await webhooksApi.rotateSecret(w.id);
                                setSecret({ url: rotated.url, secret: rotated.secret });
                              }, t('webhooks.list.rotated'))
                            }
                          >
                            {t('webhooks.list.rotate')}
                          </button>
                          <ConfirmRemove
                            asking={confirming === w.id}
                            onAsk={() => setConfirming(w.id)}
                            onCancel={() => setConfirming(null)}
                            onConfirm={() => {
                              setConfirming(null);
                              if (logOf === w.id) setLogOf(null);
                              void act(() => webhooksApi.remove(w.id), t('webhooks.list.deleted'));
                            }}
                            label={t('webhooks.list.delete')}
                            labelNamed={t('webhooks.list.deleteNamed', { name })}
                            question={t('webhooks.list.confirmDelete')}
                            confirmLabel={t('webhooks.list.yesDelete')}
                          />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </LoadedItems>
        {hooks.state.status === 'ready' &&
          hooks.state.data.items
            .filter((w) => w.id === logOf)
            .map((w) => <DeliveryLog key={w.id} webhook={w} />)}
      </section>
    </>
  );
}
