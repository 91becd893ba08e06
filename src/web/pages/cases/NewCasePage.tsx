import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';
import { navigate } from '../../router/history.ts';
import { CaseFieldset } from './CaseFieldset.tsx';
import {
  emptyDraft,
  FIELD_ORDER,
  fieldOf,
  ID_PREFIX,
  toBody,
  validateDraft,
  type NewCaseDraft,
} from './new-case-draft.ts';
import { PersonFieldset } from './PersonFieldset.tsx';
import { DuplicateWarning } from '../duplicates/DuplicateWarning.tsx';

/** /cases/new: registers a case; field errors show by their fields, focus moves to the first. */
export function NewCasePage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<NewCaseDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (changes: Partial<NewCaseDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const binding = { draft, errors, update };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const known = Object.keys(found).filter((k) => (FIELD_ORDER as readonly string[]).includes(k));
    setAlert(
      known.length > 0
        ? t('newCase.fixErrors', { count: known.length })
        : t('errors.validation_failed'),
    );
    focusFirstInvalid(found, FIELD_ORDER, ID_PREFIX);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(t, draft);
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    setAlert(null);
    setBusy(true);
    try {
      const created = await casesApi.create(toBody(draft));
      navigate(`/cases/${created.id}`);
    } catch (e) {
      setBusy(false);
      const fields = fieldErrorsFrom(t, e, fieldOf);
      if (fields) showErrors(fields);
      else setAlert(errorMessage(t, e));
    }
  };

  return (
    <>
      <PageHeading title={t('newCase.title')} />
      <p className="hint">{t('common.requiredHint')}</p>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <PersonFieldset binding={binding} />
        <DuplicateWarning draft={draft} />
        <CaseFieldset binding={binding} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('newCase.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
