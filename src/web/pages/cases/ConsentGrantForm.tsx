import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentGrantInput } from '../../../shared/api/consent.schema.ts';
import { SERVICE_TYPES, type ServiceType } from '../../../shared/codes/service-types.ts';
import {
  CHILD_ASSENTS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  GUARDIAN_RELATIONSHIPS,
  type ChildAssent,
  type ConsentMethod,
  type ConsentPurpose,
  type GuardianRelationship,
} from '../../../shared/consent/index.ts';
import { consentApi } from '../../api/consent-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';
import { todayIso } from '../../lib/format.ts';
import { CONSENT_FIELDS, consentFieldErrors } from './consent-errors.ts';
import { useConsentLabels } from './use-consent-labels.ts';

interface Props {
  caseId: string;
  /** Under 18 today; null when the age is unknown (guardian and assent may still be given). */
  personIsChild: boolean | null;
  onRecorded: () => void;
}

interface Draft {
  purpose: ConsentPurpose;
  serviceType: ServiceType | '';
  method: ConsentMethod | '';
  guardianRelationship: GuardianRelationship | '';
  guardianName: string;
  childAssent: ChildAssent | '';
  expiresOn: string;
  note: string;
}

const PREFIX = 'consent-';

function emptyDraft(child: boolean | null): Draft {
  return {
    purpose: 'assistance',
    serviceType: '',
    method: child ? 'guardian' : '',
    guardianRelationship: '',
    guardianName: '',
    childAssent: '',
    expiresOn: '',
    note: '',
  };
}

/** What the API receives: fields the purpose and method do not use are left out. */
function bodyOf(d: Draft, showGuardian: boolean, showAssent: boolean): ConsentGrantInput {
  const guardianGiven = d.guardianRelationship !== '' || d.guardianName.trim() !== '';
  return {
    purpose: d.purpose,
    method: d.method as ConsentMethod,
    ...(d.purpose === 'referral' && d.serviceType ? { serviceType: d.serviceType } : {}),
    ...(showGuardian && guardianGiven
      ? {
          guardian: {
            relationship: d.guardianRelationship as GuardianRelationship,
            name: d.guardianName,
          },
        }
      : {}),
    ...(showAssent && d.childAssent ? { childAssent: d.childAssent } : {}),
    ...(d.expiresOn ? { expiresOn: d.expiresOn } : {}),
    ...(d.note.trim() ? { note: d.note } : {}),
  };
}

/** Record a grant: purpose (and service type), method, guardian and child's assent for a child. */
export function ConsentGrantForm({ caseId, personIsChild, onRecorded }: Props) {
  const { t } = useTranslation();
  const labels = useConsentLabels();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(personIsChild));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const child = personIsChild === true;
  const showGuardian = child || draft.method === 'guardian';
  const showAssent = personIsChild !== false;
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: string) =>
      setDraft((d) => ({ ...d, [key]: value as Draft[K] }));
  const field = (key: keyof Draft) => ({
    id: `${PREFIX}${key}`,
    value: draft[key],
    onValue: set(key),
    error: errors[key],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!draft.method) missing.method = t('fieldErrors.required');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setAlert(null);
      focusFirstInvalid(missing, CONSENT_FIELDS, PREFIX);
      return;
    }
    setBusy(true);
    try {
      await consentApi.grant(caseId, bodyOf(draft, showGuardian, showAssent));
      setDraft(emptyDraft(personIsChild));
      setErrors({});
      setAlert(null);
      onRecorded();
    } catch (e) {
      const fieldErrors = consentFieldErrors(t, e);
      if (fieldErrors) {
        setErrors(fieldErrors);
        setAlert(null);
        focusFirstInvalid(fieldErrors, CONSENT_FIELDS, PREFIX);
      } else {
        setErrors({});
        setAlert(errorMessage(t, e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('consent.recordLegend')}</legend>
        {child && <p className="panel panel--notice">{t('consent.childNotice')}</p>}
        <FormAlert message={alert} />
        <SelectField {...field('purpose')} label={t('consent.fields.purpose')} required>
          {CONSENT_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {labels.purpose(p)}
            </option>
          ))}
        </SelectField>
        {draft.purpose === 'referral' && (
          <SelectField {...field('serviceType')} label={t('consent.fields.serviceType')}>
            <option value="">{t('consent.allServiceTypes')}</option>
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>
                {labels.serviceType(s)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField {...field('method')} label={t('consent.fields.method')} required>
          <option value="">{t('common.choose')}</option>
          {CONSENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {labels.method(m)}
            </option>
          ))}
        </SelectField>
        {showGuardian && (
          <fieldset>
            <legend>{t('consent.guardianLegend')}</legend>
            <SelectField
              {...field('guardianRelationship')}
              label={t('consent.fields.guardianRelationship')}
              required
            >
              <option value="">{t('common.choose')}</option>
              {GUARDIAN_RELATIONSHIPS.map((r) => (
                <option key={r} value={r}>
                  {labels.relationship(r)}
                </option>
              ))}
            </SelectField>
            <TextField
              {...field('guardianName')}
              label={t('consent.fields.guardianName')}
              autoComplete="off"
              dir="auto"
              maxLength={200}
              required
            />
          </fieldset>
        )}
        {showAssent && (
          <SelectField
            {...field('childAssent')}
            label={t('consent.fields.childAssent')}
            required={child}
          >
            <option value="">{child ? t('common.choose') : t('common.notKnown')}</option>
            {CHILD_ASSENTS.map((a) => (
              <option key={a} value={a}>
                {labels.assent(a)}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          {...field('expiresOn')}
          type="date"
          min={todayIso()}
          label={t('consent.fields.expiresOn')}
          hint={t('consent.expiresHint')}
        />
        <TextAreaField
          {...field('note')}
          label={t('consent.fields.note')}
          hint={t('consent.noteHint')}
          maxLength={1000}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('consent.recordSubmit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
