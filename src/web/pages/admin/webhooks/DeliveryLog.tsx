import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryList } from '../../../../shared/api/notify.schema.ts';
import { webhooksApi, type Delivery, type Webhook } from '../../../api/notify-api.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useResource } from '../../../lib/use-resource.ts';

/** An endpoint's deliveries, newest first, each with its latest attempt and a retry. */
export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const log = useResource(`deliveries:${webhook.id}`, () => webhooksApi.deliveries(webhook.id));
  const [more, setMore] = useState<Delivery[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const first: DeliveryList | null = log.state.status === 'ready' ? log.state.data : null;
  const items = first ? [...first.items, ...more] : [];
  const next = cursor === undefined ? (first?.nextCursor ?? null) : cursor;

  const reload = () => {
    setMore([]);
    setCursor(undefined);
    log.reload();
  };
  const loadMore = async () => {
    if (!next) return;
    try {
      const page = await webhooksApi.deliveries(webhook.id, next);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setAlert(errorMessage(t, e));
    }
  };
  const retry = async (d: Delivery) => {
    setAlert(null);
    setStatus(null);
    try {
      await webhooksApi.retry(webhook.id, d.id);
      setStatus(t('webhooks.log.retried'));
      reload();
    } catch (e) {
      setAlert(errorMessage(t, e));
    }
  };
  const finished = (d: Delivery) => ['failed', 'delivered', 'skipped'].includes(d.status);
  const latest = (d: Delivery) =>
    d.statusCode !== null
      ? t('webhooks.log.httpStatus', { code: d.statusCode })
      : d.error
        ? t('webhooks.log.noAnswer')
        : '—';

  return (
    <section className="section" aria-labelledby={`log-${webhook.id}`}>
      <div className="page-title">
        <h3 id={`log-${webhook.id}`}>
          {t('webhooks.log.heading')} <bdi dir="ltr">{webhook.url}</bdi>
        </h3>
        <button type="button" className="button button--secondary" onClick={reload}>
          {t('webhooks.log.refresh')}
        </button>
      </div>
      <FormAlert message={alert} />
      <StatusMessage message={status} />
      {log.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {log.state.status === 'error' && <FormAlert message={errorMessage(t, log.state.error)} />}
      {first && items.length === 0 && <p>{t('webhooks.log.none')}</p>}
      {items.length > 0 && (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t('webhooks.log.event')}</th>
              <th scope="col">{t('webhooks.log.status')}</th>
              <th scope="col">{t('webhooks.log.attempts')}</th>
              <th scope="col">{t('webhooks.log.latest')}</th>
              <th scope="col">{t('webhooks.log.when')}</th>
              <th scope="col">{t('webhooks.log.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row" data-label={t('webhooks.log.event')}>
                  <span>
                    {t(`webhooks.event.${d.event.type}`)}{' '}
                    <bdi dir="ltr" className="muted">
                      {d.event.subject.reference}
                    </bdi>
                  </span>
                </th>
                <td data-label={t('webhooks.log.status')}>
                  <span>{t(`webhooks.deliveryStatus.${d.status}`)}</span>
                </td>
                <td data-label={t('webhooks.log.attempts')}>{d.attempts}</td>
                <td data-label={t('webhooks.log.latest')}>
                  <span>
                    {latest(d)}
                    {d.nextAttemptAt && (
                      <>
                        <br />
                        {t('webhooks.log.nextAttempt', {
                          when: formatDateTime(d.nextAttemptAt, lang),
                        })}
                      </>
                    )}
                  </span>
                </td>
                <td data-label={t('webhooks.log.when')}>{formatDateTime(d.createdAt, lang)}</td>
                <td data-label={t('webhooks.log.actions')}>
                  {finished(d) && (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => void retry(d)}
                    >
                      {t('webhooks.log.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" className="button button--secondary" onClick={() => void loadMore()}>
          {t('webhooks.log.more')}
        </button>
      )}
    </section>
  );
}
