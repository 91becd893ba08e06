import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalKind } from '../../../shared/api/casework.schema.ts';
import {
  CLOSURE_REASONS,
  DETERMINATIONS,
  type ClosureReason,
  type Determination,
} from '../../../shared/casework/lifecycle.ts';
import type { TraffickingStatus } from '../../../shared/codes/htcds.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';

interface Props {
  caseId: string;
  kind: ApprovalKind;
  traffickingStatus: TraffickingStatus;
  onRequested: (message: string) => void;
}

/** A request a supervisor must approve: closing the case, or a victim determination. */
export function ApprovalRequestForm({ caseId, kind, traffickingStatus, onRequested }: Props) {
  const { t } = useTranslation();
  const labels = useCodeLabels();
  const prefix = `request-${kind}-`;
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closure = kind === 'closure';
  const choiceField = closure ? 'closureReason' : 'traffickingStatus';
  const order = [choiceField, 'reason'];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!choice) missing[choiceField] = t('fieldErrors.required');
    if (!reason.trim()) missing.reason = t('fieldErrors.required');
    setErrors(missing);
    setAlert(null);
    if (Object.keys(missing).length > 0) {
      focusFirstInvalid(missing, order, prefix);
      return;
    }
    setBusy(true);
    try {
      await caseworkApi.requestApproval(
        caseId,
        closure
          ? { kind, closureReason: choice as ClosureReason, reason }
          : { kind, traffickingStatus: choice as Determination, reason },
      );
      setChoice('');
      setReason('');
      onRequested(t('casePanels.stage.requested'));
    } catch (e) {
      const fieldErrors = fieldErrorsFrom(t, e);
      if (fieldErrors && Object.keys(fieldErrors).some((f) => order.includes(f))) {
        setErrors(fieldErrors);
        focusFirstInvalid(fieldErrors, order, prefix);
      } else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>
          {closure
            ? t('casePanels.stage.closureLegend')
            : t('casePanels.stage.determinationLegend')}
        </legend>
        {closure && <p className="hint">{t('casePanels.stage.closeHint')}</p>}
        <FormAlert message={alert} />
        <SelectField
          id={`${prefix}${choiceField}`}
          label={
            closure ? t('casePanels.stage.closureReason') : t('casePanels.stage.determination')
          }
          value={choice}
          onValue={setChoice}
          error={errors[choiceField]}
          required
        >
          <option value="">{t('common.choose')}</option>
          {closure
            ? CLOSURE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`casework.closureReason.${r}`)}
                </option>
              ))
            : DETERMINATIONS.filter((d) => d !== traffickingStatus).map((d) => (
                <option key={d} value={d}>
                  {labels.traffickingStatus(d)}
                </option>
              ))}
        </SelectField>
        <TextAreaField
          id={`${prefix}reason`}
          label={
            closure ? t('casePanels.stage.closureText') : t('casePanels.stage.determinationText')
          }
          hint={t('casework.ui.freeTextHint')}
          value={reason}
          onValue={setReason}
          error={errors.reason}
          maxLength={2000}
          required
        />
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {busy ? t('common.saving') : t('casePanels.stage.requestSubmit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
