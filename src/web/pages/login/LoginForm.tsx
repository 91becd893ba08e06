import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { useSession } from '../../session/session-context.ts';

/** E-mail and password; a 6-digit code is asked for when the account has two-factor sign-in. */
export function LoginForm() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  // Bumped whenever the code field should take focus (it appears, or a code was refused).
  const [totpFocus, setTotpFocus] = useState(0);
  useEffect(() => {
    if (totpFocus > 0) totpRef.current?.focus();
  }, [totpFocus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await authApi.login({ email, password, ...(needsTotp ? { totp } : {}) }));
    } catch (e) {
      setBusy(false);
      if (errorCode(e) === 'totp_required') {
        setNeedsTotp(true);
        setError(t('login.totpNeeded'));
        setTotpFocus((n) => n + 1);
        return;
      }
      if (errorCode(e) === 'invalid_totp') {
        setTotp('');
        setTotpFocus((n) => n + 1);
      }
      setError(errorMessage(t, e));
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert message={error} />
      <TextField
        id="login-email"
        label={t('login.email')}
        type="email"
        autoComplete="username"
        dir="ltr"
        required
        value={email}
        onValue={setEmail}
      />
      <TextField
        id="login-password"
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      {needsTotp && (
        <TextField
          ref={totpRef}
          id="login-totp"
          label={t('login.totp')}
          hint={t('login.totpHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          dir="ltr"
          required
          value={totp}
          onValue={(v) => setTotp(v.replace(/\D/g, ''))}
        />
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('login.signingIn') : t('login.submit')}
      </button>
    </form>
  );
}
