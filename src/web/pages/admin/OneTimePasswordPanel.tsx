import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';

export interface OneTimePassword {
  email: string;
  password: string;
}

/**
 * A one-time password, shown once: it lives only in this component's props and is gone when the
 * panel is dismissed or the page is left. Focus moves here so it is not missed.
 */
export function OneTimePasswordPanel({
  secret,
  onDismiss,
}: {
  secret: OneTimePassword;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [secret]);
  return (
    <section className="panel panel--notice" aria-labelledby="otp-heading">
      <h2 id="otp-heading" ref={ref} tabIndex={-1}>
        {t('admin.otp.heading')}
      </h2>
      <p>
        {t('admin.otp.for')} <bdi dir="ltr">{secret.email}</bdi>
      </p>
      <p className="secret">
        <code dir="ltr" translate="no" aria-label={t('admin.otp.passwordLabel')}>
          {secret.password}
        </code>
      </p>
      <p>{t('admin.otp.explain')}</p>
      <div className="actions">
        <CopyButton text={secret.password} label={t('admin.otp.copy')} />
        <button type="button" className="button" onClick={onDismiss}>
          {t('admin.otp.dismiss')}
        </button>
      </div>
    </section>
  );
}
