import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../../shared/api/casework.schema.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, type FieldErrors } from '../../lib/field-errors.ts';

interface Props {
  approval: Approval;
  onDecided: (message: string) => void;
}

/** A supervisor's approve / reject of someone else's request; rejecting needs a comment. */
export function ApprovalDecisionForm({ approval, onDecided }: Props) {
  const { t } = useTranslation();
  const prefix = `decide-${approval.id}-`;
  const [decision, setDecision] = useState<'approved' | 'rejected' | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!decision) missing.decision = t('fieldErrors.required');
    if (decision === 'rejected' && !comment.trim())
      missing.comment = t('casework.ui.commentRequired');
    setErrors(missing);
    setAlert(null);
    if (!decision || Object.keys(missing).length > 0) {
      document.getElementById(missing.decision ? `${prefix}approved` : `${prefix}comment`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await caseworkApi.decide(approval.id, {
        decision,
        ...(comment.trim() ? { comment } : {}),
      });
      onDecided(t('casePanels.stage.decided'));
    } catch (e) {
      const fieldErrors = fieldErrorsFrom(t, e);
      if (fieldErrors?.comment) setErrors({ comment: fieldErrors.comment });
      else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const kind = t(`casework.approvalKind.${approval.kind}`);
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('casePanels.stage.decisionLegend', { kind })}</legend>
        <FormAlert message={alert} />
        <fieldset
          className={errors.decision ? 'checkboxes field--invalid' : 'checkboxes'}
          aria-describedby={errors.decision ? `${prefix}decision-error` : undefined}
        >
          <legend>{t('casePanels.stage.decision')}</legend>
          {errors.decision && (
            <p id={`${prefix}decision-error`} className="field__error">
              {errors.decision}
            </p>
          )}
          <div className="checkboxes__items">
            {(['approved', 'rejected'] as const).map((d) => (
              <label key={d} className="checkbox">
                <input
                  type="radio"
                  id={`${prefix}${d}`}
                  name={`${prefix}decision`}
                  value={d}
                  checked={decision === d}
                  onChange={() => setDecision(d)}
                />
                <span>{t(`casework.decision.${d}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          id={`${prefix}comment`}
          label={t('casePanels.stage.commentOn', { kind })}
          value={comment}
          onValue={setComment}
          error={errors.comment}
          maxLength={2000}
          required={decision === 'rejected'}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('casePanels.stage.decisionSubmit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
