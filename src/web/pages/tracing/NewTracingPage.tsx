import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tracingApi } from '../../api/tracing-api.ts';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';
import { todayIso } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { navigate } from '../../router/history.ts';
import { AliasesField } from './AliasesField.tsx';
import { PartialDateField } from './PartialDateField.tsx';
import {
  emptyTracingDraft,
  RELATIONSHIP_LIST,
  toTracingBody,
  TRACING_FIELD_ORDER,
  TRACING_ID_PREFIX,
  tracingFieldId,
  tracingFieldOf,
  validateTracingDraft,
  type PlaceDraft,
  type Relationship,
  type TracingDraft,
} from './tracing-draft.ts';
import { useTracingLabels } from './use-tracing-labels.ts';
import '../duplicates/reunite.css';

/**
 * /tracing/new: records a tracing request — the person sought (names in any script, other
 * spellings, sex, a partial date of birth or an age, places, the separation) and the enquirer.
 * Field errors show by their fields and focus moves to the first; the server checks again.
 */
export function NewTracingPage() {
  const { t } = useTranslation();
  const labels = useTracingLabels();
  const [draft, setDraft] = useState<TracingDraft>(emptyTracingDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (changes: Partial<TracingDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const known = Object.keys(found).filter((k) =>
      (TRACING_FIELD_ORDER as readonly string[]).includes(k),
    );
    setAlert(
      known.length > 0
        ? t('tracing.form.fixErrors', { count: known.length })
        : t('errors.validation_failed'),
    );
    focusFirstInvalid(found, TRACING_FIELD_ORDER, TRACING_ID_PREFIX);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const today = todayIso();
    const found = validateTracingDraft(t, draft, today);
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    setAlert(null);
    setBusy(true);
    try {
      const created = await tracingApi.create(toTracingBody(draft, today));
      navigate(`/tracing/${encodeURIComponent(created.id)}`);
    } catch (e) {
      setBusy(false);
      const fields = fieldErrorsFrom(t, e, tracingFieldOf);
      if (fields) showErrors(fields);
      else setAlert(errorMessage(t, e));
    }
  };

  const text = (path: (typeof TRACING_FIELD_ORDER)[number], key: keyof TracingDraft) => ({
    id: tracingFieldId(path),
    value: draft[key] as string,
    onValue: (value: string) => update({ [key]: value }),
    error: errors[path],
  });

  const placeFields = (
    base: 'sought.places' | 'sought.separation.place',
    key: 'place' | 'separationPlace',
    which: 'known' | 'separation',
  ) => {
    const p = draft[key];
    const set = (changes: Partial<PlaceDraft>) => update({ [key]: { ...p, ...changes } });
    return (
      <div className="grid">
        <CountrySelect
          id={tracingFieldId(`${base}.country`)}
          label={t(`tracing.form.${which}.country`)}
          emptyLabel={t('common.chooseCountry')}
          value={p.country}
          onValue={(country) => set({ country })}
          error={errors[`${base}.country`]}
        />
        <TextField
          id={tracingFieldId(`${base}.adminArea`)}
          label={t(`tracing.form.${which}.adminArea`)}
          value={p.adminArea}
          onValue={(adminArea) => set({ adminArea })}
          error={errors[`${base}.adminArea`]}
          dir="auto"
          autoComplete="off"
          maxLength={200}
        />
        <TextField
          id={tracingFieldId(`${base}.locality`)}
          label={t(`tracing.form.${which}.locality`)}
          value={p.locality}
          onValue={(locality) => set({ locality })}
          error={errors[`${base}.locality`]}
          dir="auto"
          autoComplete="off"
          maxLength={200}
        />
      </div>
    );
  };

  return (
    <>
      <p>
        <Link to="/tracing">{t('tracing.list.back')}</Link>
      </p>
      <PageHeading title={t('tracing.form.title')} />
      <p className="hint">{t('tracing.form.intro')}</p>
      <p className="hint">{t('common.requiredHint')}</p>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <fieldset className="section">
          <legend>{t('tracing.form.soughtSection')}</legend>
          <div className="grid">
            <TextField
              {...text('sought.givenName', 'givenName')}
              label={t('tracing.form.givenName')}
              hint={t('tracing.form.nameHint')}
              dir="auto"
              autoComplete="off"
              maxLength={200}
            />
            <TextField
              {...text('sought.familyName', 'familyName')}
              label={t('tracing.form.familyName')}
              dir="auto"
              autoComplete="off"
              maxLength={200}
            />
          </div>
          <AliasesField
            id={tracingFieldId('sought.aliases')}
            values={draft.aliases}
            onChange={(aliases) => update({ aliases })}
            error={errors['sought.aliases']}
          />
          <div className="grid">
            <SelectField
              id={tracingFieldId('sought.sex')}
              label={t('tracing.form.sex')}
              value={draft.sex}
              onValue={(v) => update({ sex: v as TracingDraft['sex'] })}
              error={errors['sought.sex']}
            >
              <option value="">{t('common.notKnown')}</option>
              <option value="F">{labels.sex('F')}</option>
              <option value="M">{labels.sex('M')}</option>
            </SelectField>
            <TextField
              {...text('sought.age', 'age')}
              label={t('tracing.form.age')}
              hint={t('tracing.form.ageHint')}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
          <PartialDateField
            id={tracingFieldId('sought.dateOfBirth')}
            legend={t('tracing.form.dateOfBirth')}
            hint={t('tracing.form.dateOfBirthHint')}
            value={draft.birth}
            onChange={(birth) => update({ birth })}
            labels={{
              year: t('tracing.form.birthYear'),
              month: t('tracing.form.birthMonth'),
              day: t('tracing.form.birthDay'),
            }}
            error={errors['sought.dateOfBirth']}
          />
          <h3>{t('tracing.form.knownPlace')}</h3>
          {placeFields('sought.places', 'place', 'known')}
          <SelectField
            id={tracingFieldId('sought.relationshipToEnquirer')}
            label={t('tracing.form.relationship')}
            hint={t('tracing.form.relationshipHint')}
            value={draft.relationship}
            onValue={(v) => update({ relationship: v as Relationship | '' })}
            error={errors['sought.relationshipToEnquirer']}
            required
          >
            <option value="">{t('common.choose')}</option>
            {RELATIONSHIP_LIST.map((r) => (
              <option key={r} value={r}>
                {labels.relationship(r)}
              </option>
            ))}
          </SelectField>
        </fieldset>

        <fieldset className="section">
          <legend>{t('tracing.form.separationSection')}</legend>
          <PartialDateField
            id={tracingFieldId('sought.separation.date')}
            legend={t('tracing.form.separationDate')}
            value={draft.separationDate}
            onChange={(separationDate) => update({ separationDate })}
            labels={{
              year: t('tracing.form.separationYear'),
              month: t('tracing.form.separationMonth'),
              day: t('tracing.form.separationDay'),
            }}
            error={errors['sought.separation.date']}
          />
          {placeFields('sought.separation.place', 'separationPlace', 'separation')}
          <TextAreaField
            {...text('sought.separation.circumstances', 'circumstances')}
            label={t('tracing.form.circumstances')}
            hint={t('tracing.form.circumstancesHint')}
            maxLength={2000}
          />
        </fieldset>

        <fieldset className="section">
          <legend>{t('tracing.form.enquirerSection')}</legend>
          <div className="grid">
            <TextField
              {...text('enquirer.name', 'enquirerName')}
              label={t('tracing.form.enquirerName')}
              required
              dir="auto"
              autoComplete="off"
              maxLength={200}
            />
            <SelectField
              id={tracingFieldId('enquirer.kind')}
              label={t('tracing.form.enquirerKind')}
              value={draft.enquirerKind}
              onValue={(v) => update({ enquirerKind: v as TracingDraft['enquirerKind'] })}
              error={errors['enquirer.kind']}
              required
            >
              <option value="family">{labels.enquirerKind('family')}</option>
              <option value="agency">{labels.enquirerKind('agency')}</option>
            </SelectField>
            {draft.enquirerKind === 'agency' && (
              <TextField
                {...text('enquirer.organisation', 'organisation')}
                label={t('tracing.form.organisation')}
                required
                dir="auto"
                autoComplete="off"
                maxLength={200}
              />
            )}
            <TextField
              {...text('enquirer.phone', 'phone')}
              label={t('tracing.form.phone')}
              type="tel"
              dir="ltr"
              autoComplete="off"
            />
            <TextField
              {...text('enquirer.email', 'email')}
              label={t('tracing.form.email')}
              type="email"
              dir="ltr"
              autoComplete="off"
            />
            <TextField
              {...text('enquirer.address', 'address')}
              label={t('tracing.form.address')}
              dir="auto"
              autoComplete="off"
              maxLength={500}
            />
            <TextField
              {...text('enquirer.preferredLanguage', 'preferredLanguage')}
              label={t('tracing.form.preferredLanguage')}
              dir="auto"
              autoComplete="off"
              maxLength={50}
            />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('tracing.form.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
