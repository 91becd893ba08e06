import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import {
  ALLOWED_FIELDS,
  STATED_FIELDS,
  type DisclosureFieldName,
  type StatedFieldName,
} from '../../../shared/referrals/disclosure.ts';
import { URGENCIES, type Urgency } from '../../../shared/referrals/lifecycle.ts';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { parseLanguages } from './referral-model.ts';
import { useReferralLabels } from './use-referral-labels.ts';

/** What the sender types for the fields the case record does not hold. */
export type StatedDraft = Record<StatedFieldName, string>;

export const STATED_PREFIX = 'refer-stated-';

/**
 * The stated values to send (only for chosen stated fields) and the errors of the chosen ones
 * left empty or, for languages, not ISO 639-1 codes. Keys are the API's paths (`stated.x`).
 */
export function statedOf(
  t: TFunction,
  fields: readonly DisclosureFieldName[],
  draft: StatedDraft,
): { values: Partial<Record<StatedFieldName, string | string[]>>; errors: FieldErrors } {
  const values: Partial<Record<StatedFieldName, string | string[]>> = {};
  const errors: FieldErrors = {};
  for (const f of STATED_FIELDS) {
    if (!fields.includes(f)) continue;
    if (f === 'languages') {
      const { codes, invalid } = parseLanguages(draft.languages);
      if (invalid.length > 0)
        errors[`stated.${f}`] = t('referrals.share.languagesInvalid', {
          words: invalid.join(t('common.listSeparator')),
        });
      else if (codes.length === 0) errors[`stated.${f}`] = t('fieldErrors.required');
      else values.languages = codes;
    } else if (draft[f].trim() === '') {
      errors[`stated.${f}`] = t('fieldErrors.required');
    } else {
      values[f] = draft[f];
    }
  }
  return { values, errors };
}

interface Props {
  serviceType: ServiceType;
  fields: DisclosureFieldName[];
  onFields: (f: DisclosureFieldName[]) => void;
  stated: StatedDraft;
  onStated: (s: StatedDraft) => void;
  urgency: Urgency;
  onUrgency: (u: Urgency) => void;
  message: string;
  onMessage: (m: string) => void;
  errors: FieldErrors;
}

/**
 * The fields to share, among those the service type may receive (src/shared/referrals/
 * disclosure.ts): none ticked to begin with, because the rules name no field every provider of
 * a type must have; the sender adds only what this provider needs. Then urgency and a message.
 */
export function ShareStep(props: Props) {
  const { serviceType, fields, onFields, stated, onStated, errors } = props;
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const allowed = ALLOWED_FIELDS[serviceType];
  // Keep the rules' order whatever the order of ticking.
  const choose = (chosen: DisclosureFieldName[]) =>
    onFields(allowed.filter((f) => chosen.includes(f)));
  const statedChosen = STATED_FIELDS.filter((f) => fields.includes(f));
  const set = (f: StatedFieldName) => (v: string) => onStated({ ...stated, [f]: v });

  return (
    <>
      <p className="panel panel--notice">
        {t('referrals.share.minimal', { service: labels.serviceType(serviceType) })}
      </p>
      <CheckboxGroup
        id="refer-fields"
        legend={t('referrals.share.legend')}
        hint={t('referrals.share.hint')}
        options={allowed}
        labelOf={labels.field}
        selected={fields}
        onChange={choose}
        error={errors.fields}
      />
      {statedChosen.length > 0 && (
        <fieldset>
          <legend>{t('referrals.share.statedLegend')}</legend>
          {statedChosen.map((f) =>
            f === 'languages' ? (
              <TextField
                key={f}
                id={`${STATED_PREFIX}${f}`}
                label={t('referrals.share.stated.languages')}
                hint={t('referrals.share.languagesHint')}
                value={stated.languages}
                onValue={set(f)}
                dir="ltr"
                autoComplete="off"
                error={errors[`stated.${f}`]}
                required
              />
            ) : (
              <TextAreaField
                key={f}
                id={`${STATED_PREFIX}${f}`}
                label={t(`referrals.share.stated.${f}`)}
                hint={t('referrals.share.statedHint')}
                value={stated[f]}
                onValue={set(f)}
                maxLength={2000}
                error={errors[`stated.${f}`]}
                required
              />
            ),
          )}
        </fieldset>
      )}
      <SelectField
        id="refer-urgency"
        label={t('referrals.fields.urgency')}
        value={props.urgency}
        onValue={(v) => props.onUrgency(v as Urgency)}
        error={errors.urgency}
      >
        {URGENCIES.map((u) => (
          <option key={u} value={u}>
            {labels.urgency(u)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="refer-message"
        label={t('referrals.share.message')}
        hint={t('referrals.share.messageHint')}
        value={props.message}
        onValue={props.onMessage}
        maxLength={4000}
        error={errors.message}
      />
    </>
  );
}
