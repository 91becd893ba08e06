import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/CopyButton.tsx';

/**
 * A webhook's signing secret, shown once: it lives only in this component's props and is gone
 * when the panel is dismissed or the page is left. Focus moves here so it is not missed.
 */
export function SecretPanel({
  url,
  secret,
  onDismiss,
}: {
  url: string;
  secret: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [secret]);
  return (
    <section className="panel panel--notice" aria-labelledby="webhook-secret-heading">
      <h2 id="webhook-secret-heading" ref={ref} tabIndex={-1}>
        {t('webhooks.secret.heading')}
      </h2>
      <p>
        {t('webhooks.secret.for')} <bdi dir="ltr">{url}</bdi>
      </p>
      <p className="secret">
        <code dir="ltr" translate="no" aria-label={t('webhooks.secret.label')}>
          {secret}
        </code>
      </p>
      <p>{t('webhooks.secret.explain')}</p>
      <div className="actions">
        <CopyButton text={secret} label={t('webhooks.secret.copy')} />
        <button type="button" className="button" onClick={onDismiss}>
          {t('webhooks.secret.dismiss')}
        </button>
      </div>
    </section>
  );
}
