import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth-api.ts';
import { TextField } from '../../components/TextField.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';

/** Turning two-factor sign-in off asks for the password again. */
export function TotpDisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError(t('fieldErrors.required'));
      document.getElementById('totp-disable-password')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await authApi.totpDisable(password);
      setPassword('');
      onDisabled();
    } catch (e) {
      const code = errorCode(e);
      setError(code === 'invalid_credentials' ? t('password.currentWrong') : errorMessage(t, e));
      document.getElementById('totp-disable-password')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="totp-disable-password"
        type="password"
        autoComplete="current-password"
        required
        label={t('account.totpDisablePassword')}
        value={password}
        onValue={setPassword}
        error={error}
      />
      <button type="submit" className="button button--danger" disabled={busy}>
        {t('account.totpDisable')}
      </button>
    </form>
  );
}
