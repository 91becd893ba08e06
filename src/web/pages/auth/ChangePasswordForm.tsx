import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';

const MIN_LENGTH = 12; // NewPassword in src/shared/api/auth.schema.ts (NIST SP 800-63B)
const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
const PREFIX = 'password-';

/** Current, new and repeated password; checks length and match before asking the server. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  const fail = (found: FieldErrors) => {
    setErrors(found);
    focusFirstInvalid(found, FIELDS, PREFIX);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const found: FieldErrors = {};
    if (!values.currentPassword) found.currentPassword = t('fieldErrors.required');
    if (values.newPassword.length < MIN_LENGTH)
      found.newPassword = t('fieldErrors.tooShort', { count: MIN_LENGTH });
    if (values.confirm !== values.newPassword) found.confirm = t('password.mismatch');
    if (Object.keys(found).length > 0) return fail(found);
    setErrors({});
    setBusy(true);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      onChanged();
    } catch (e) {
      if (errorCode(e) === 'invalid_credentials')
        return fail({ currentPassword: t('password.currentWrong') });
      const fields = fieldErrorsFrom(t, e);
      if (fields) return fail(fields);
      setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: (typeof FIELDS)[number]) => ({
    id: `${PREFIX}${key}`,
    type: 'password',
    required: true,
    value: values[key],
    onValue: set(key),
    error: errors[key],
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert message={alert} />
      <TextField
        {...field('currentPassword')}
        label={t('password.current')}
        autoComplete="current-password"
      />
      <TextField
        {...field('newPassword')}
        label={t('password.new')}
        hint={t('password.newHint', { count: MIN_LENGTH })}
        autoComplete="new-password"
      />
      <TextField {...field('confirm')} label={t('password.confirm')} autoComplete="new-password" />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('common.saving') : t('password.submit')}
      </button>
    </form>
  );
}
