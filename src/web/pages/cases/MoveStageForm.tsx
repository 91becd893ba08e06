import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECT_TRANSITIONS, type Stage } from '../../../shared/casework/lifecycle.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';

interface Props {
  caseId: string;
  stage: Stage;
  onMoved: (message: string) => void;
}

const PREFIX = 'move-';

/** "Move to …" one of the stages the lifecycle allows from here, with a required reason. */
export function MoveStageForm({ caseId, stage, onMoved }: Props) {
  const { t } = useTranslation();
  const next = DIRECT_TRANSITIONS[stage];
  const [to, setTo] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!to) missing.to = t('fieldErrors.required');
    if (!reason.trim()) missing.reason = t('fieldErrors.required');
    setErrors(missing);
    setAlert(null);
    if (!to || Object.keys(missing).length > 0) {
      focusFirstInvalid(missing, ['to', 'reason'], PREFIX);
      return;
    }
    setBusy(true);
    try {
      await caseworkApi.move(caseId, { to, reason });
      setTo('');
      setReason('');
      onMoved(t('casePanels.stage.moved', { stage: t(`casework.stage.${to}`) }));
    } catch (e) {
      const fieldErrors = fieldErrorsFrom(t, e);
      if (fieldErrors) {
        setErrors(fieldErrors);
        focusFirstInvalid(fieldErrors, ['to', 'reason'], PREFIX);
      } else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (next.length === 0) return <p className="hint">{t('casePanels.stage.noMoves')}</p>;
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('casePanels.stage.moveLegend')}</legend>
        <FormAlert message={alert} />
        <SelectField
          id={`${PREFIX}to`}
          label={t('casework.ui.moveTo')}
          value={to}
          onValue={(v) => setTo(v as Stage | '')}
          error={errors.to}
          required
        >
          <option value="">{t('common.choose')}</option>
          {next.map((s) => (
            <option key={s} value={s}>
              {t(`casework.stage.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={`${PREFIX}reason`}
          label={t('casework.ui.reason')}
          hint={t('casework.ui.freeTextHint')}
          value={reason}
          onValue={setReason}
          error={errors.reason}
          maxLength={2000}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('casePanels.stage.moveSubmit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
