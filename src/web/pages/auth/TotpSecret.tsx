import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../../api/auth-api.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { groupSecret } from '../../lib/format.ts';

/** The setup key as text (no QR library): grouped for typing, plus the otpauth:// address. */
export function TotpSecret({ setup }: { setup: TotpSetup }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="totp-secret-heading">
      <h2 id="totp-secret-heading">{t('totp.secretHeading')}</h2>
      <ol className="steps">
        <li>{t('totp.stepOpenApp')}</li>
        <li>
          {t('totp.stepEnterKey')}
          <p className="secret">
            <code dir="ltr" translate="no">
              {groupSecret(setup.secret)}
            </code>
          </p>
          <CopyButton text={setup.secret} label={t('totp.copyKey')} />
        </li>
        <li>{t('totp.stepEnterCode')}</li>
      </ol>
      <details>
        <summary>{t('totp.otpauthSummary')}</summary>
        <p className="otpauth">
          <code dir="ltr" translate="no">
            {setup.otpauthUrl}
          </code>
        </p>
      </details>
    </section>
  );
}
