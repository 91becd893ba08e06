import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi, type TotpSetup } from '../../api/auth-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { TotpConfirmForm } from './TotpConfirmForm.tsx';
import { TotpSecret } from './TotpSecret.tsx';

/**
 * Two steps: ask the server for a new secret (only on request, so a secret is never shown to
 * someone who did not ask), then confirm with a code from the authenticator app.
 */
export function TotpEnrolment({ onEnabled }: { onEnabled: () => void }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSetup(await authApi.totpSetup());
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (setup === null) {
    return (
      <div className="stack">
        <FormAlert message={error} />
        <button type="button" className="button" disabled={busy} onClick={() => void start()}>
          {t('totp.start')}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <TotpSecret setup={setup} />
      <TotpConfirmForm onConfirmed={onEnabled} />
    </div>
  );
}
