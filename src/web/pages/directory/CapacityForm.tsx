import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../shared/api/directory.schema.ts';
import { directoryApi } from '../../api/directory-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { directoryFieldErrors } from './directory-errors.ts';
import { WHOLE_NUMBER } from './input-kinds.ts';

const whole = (v: string): number | string => (/^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v);

/** Places free now (and in all), for the listing or the receiving organisation. */
export function CapacityForm({
  service,
  onSaved,
}: {
  service: Service;
  onSaved: (s: Service) => void;
}) {
  const { t } = useTranslation();
  const prefix = `capacity-${service.id}-`;
  const [available, setAvailable] = useState(String(service.capacityAvailable ?? ''));
  const [total, setTotal] = useState(String(service.capacityTotal ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    setStatus(null);
    if (available.trim() === '') {
      setErrors({ available: t('fieldErrors.required') });
      document.getElementById(`${prefix}available`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await directoryApi.updateCapacity(service.id, {
        available: whole(available) as number,
        total: total.trim() === '' ? null : (whole(total) as number),
      });
      setStatus(t('directory.capacity.saved'));
      onSaved(saved);
    } catch (e) {
      const fields = directoryFieldErrors(t, e, (p) =>
        p === 'capacityAvailable' ? 'available' : p === 'capacityTotal' ? 'total' : p,
      );
      if (fields) {
        setErrors(fields);
        document.getElementById(`${prefix}${fields.available ? 'available' : 'total'}`)?.focus();
      } else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="capacity-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('directory.capacity.formLabel', { service: service.name })}
    >
      <FormAlert message={alert} />
      <div className="grid">
        <TextField
          id={`${prefix}available`}
          {...WHOLE_NUMBER}
          label={t('directory.capacity.available')}
          value={available}
          onValue={setAvailable}
          error={errors.available}
        />
        <TextField
          id={`${prefix}total`}
          {...WHOLE_NUMBER}
          label={t('directory.capacity.total')}
          hint={t('directory.capacity.totalHint')}
          value={total}
          onValue={setTotal}
          error={errors.total}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('directory.capacity.submit')}
        </button>
        <StatusMessage message={status} />
      </div>
    </form>
  );
}
