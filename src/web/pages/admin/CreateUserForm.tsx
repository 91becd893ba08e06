import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/auth.schema.ts';
import { usersApi, type UserCreated } from '../../api/users-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';
import { RoleSelect } from './RoleSelect.tsx';

const FIELDS = ['email', 'displayName', 'role'] as const;
const PREFIX = 'new-user-';
const EMPTY = { email: '', displayName: '', role: 'caseworker' as Role };

/** Adds a user; the server answers with a one-time password the parent shows once. */
export function CreateUserForm({ onCreated }: { onCreated: (created: UserCreated) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (found: FieldErrors) => {
    setErrors(found);
    focusFirstInvalid(found, FIELDS, PREFIX);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const found: FieldErrors = {};
    if (!values.email.trim()) found.email = t('fieldErrors.required');
    if (!values.displayName.trim()) found.displayName = t('fieldErrors.required');
    if (Object.keys(found).length > 0) return fail(found);
    setErrors({});
    setBusy(true);
    try {
      onCreated(await usersApi.create(values));
      setValues(EMPTY);
    } catch (e) {
      const fields = fieldErrorsFrom(t, e);
      if (fields) fail(fields);
      else setAlert(errorCode(e) === 'conflict' ? t('admin.create.exists') : errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">{t('admin.create.heading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <TextField
          id={`${PREFIX}email`}
          type="email"
          dir="ltr"
          autoComplete="off"
          required
          label={t('admin.fields.email')}
          value={values.email}
          onValue={(email) => setValues((v) => ({ ...v, email }))}
          error={errors.email}
        />
        <TextField
          id={`${PREFIX}displayName`}
          dir="auto"
          autoComplete="off"
          required
          label={t('admin.fields.displayName')}
          value={values.displayName}
          onValue={(displayName) => setValues((v) => ({ ...v, displayName }))}
          error={errors.displayName}
        />
        <RoleSelect
          id={`${PREFIX}role`}
          label={t('admin.fields.role')}
          value={values.role}
          onValue={(role) => setValues((v) => ({ ...v, role }))}
          error={errors.role}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('admin.create.submit')}
        </button>
      </form>
    </section>
  );
}
