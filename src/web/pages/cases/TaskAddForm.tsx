import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';
import { todayIso } from '../../lib/format.ts';

const PREFIX = 'task-';
const ORDER = ['title', 'dueDate'];

/** A new task on the case, for the signed-in user (the server's default assignee). */
export function TaskAddForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!title.trim()) missing.title = t('fieldErrors.required');
    if (!dueDate) missing.dueDate = t('fieldErrors.required');
    setErrors(missing);
    setAlert(null);
    if (Object.keys(missing).length > 0) {
      focusFirstInvalid(missing, ORDER, PREFIX);
      return;
    }
    setBusy(true);
    try {
      await caseworkApi.addTask(caseId, { title, dueDate });
      setTitle('');
      setDueDate('');
      onAdded();
    } catch (e) {
      const fieldErrors = fieldErrorsFrom(t, e);
      if (fieldErrors) {
        setErrors(fieldErrors);
        focusFirstInvalid(fieldErrors, ORDER, PREFIX);
      } else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('casework.ui.newTask')}</legend>
        <FormAlert message={alert} />
        <TextField
          id={`${PREFIX}title`}
          label={t('casework.ui.taskTitle')}
          hint={t('casework.ui.freeTextHint')}
          value={title}
          onValue={setTitle}
          error={errors.title}
          maxLength={200}
          dir="auto"
          required
        />
        <TextField
          id={`${PREFIX}dueDate`}
          type="date"
          min={todayIso()}
          label={t('casework.ui.dueDate')}
          value={dueDate}
          onValue={setDueDate}
          error={errors.dueDate}
          required
        />
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {busy ? t('common.saving') : t('casePanels.tasks.addSubmit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
