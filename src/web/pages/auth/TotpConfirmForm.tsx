import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth-api.ts';
import { TextField } from '../../components/TextField.tsx';
import { errorMessage } from '../../lib/error-message.ts';

/** The 6-digit code that proves the authenticator app holds the new secret. */
export function TotpConfirmForm({ onConfirmed }: { onConfirmed: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError(t('fieldErrors.totpCode'));
      document.getElementById('totp-code')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await authApi.totpConfirm(code);
      onConfirmed();
    } catch (e) {
      setError(errorMessage(t, e));
      setCode('');
      document.getElementById('totp-code')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="totp-code"
        label={t('totp.code')}
        hint={t('totp.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        dir="ltr"
        required
        value={code}
        onValue={(v) => setCode(v.replace(/\D/g, ''))}
        error={error}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('totp.confirm')}
      </button>
    </form>
  );
}
