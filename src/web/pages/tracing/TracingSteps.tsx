import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReunifyBody } from '../../../shared/api/tracing.schema.ts';
import {
  BEST_INTEREST_OUTCOMES,
  checkTracing,
  CLOSURE_REASONS,
  needsBestInterest,
  VERIFICATION_METHODS,
  type BestInterestOutcome,
  type ClosureReason,
  type VerificationMethod,
} from '../../../shared/reunite/tracing-lifecycle.ts';
import { tracingApi, type TracingRequest } from '../../api/tracing-api.ts';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { FactList, type Fact } from '../../components/FactList.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { fieldErrorsFrom, type FieldErrors } from '../../lib/field-errors.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { useCountryName } from '../../lib/countries.ts';
import { tracingFailure } from './tracing-errors.ts';
import { useTracingLabels } from './use-tracing-labels.ts';

interface Props {
  request: TracingRequest;
  /** tracing:write — verification and reunification (the tracing officer). */
  mayWrite: boolean;
  /** tracing:decide — the best-interest determination and closing (a supervisor). */
  mayDecide: boolean;
  onChanged: (request: TracingRequest, message: string) => void;
}

type StepName = 'verification' | 'bestInterest' | 'reunification' | 'closure';

/**
 * After a confirmed match: verification with the people concerned, the best-interest
 * determination when the person sought is a child or of unknown age (UNHCR, Guidelines on
 * Assessing and Determining the Best Interests of the Child, 2021, ch. 4; see
 * src/shared/reunite/tracing-lifecycle.ts), reunification, and closure. Each step shows what
 * was recorded, its form when it is the step to take and the role may take it, or who takes it.
 */
export function TracingSteps({ request: r, mayWrite, mayDecide, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  const country = useCountryName();
  const lang = i18n.language;
  const child = needsBestInterest({ soughtIsChild: r.soughtIsChild });
  const can = (a: string) => (r.availableActions as readonly string[]).includes(a);
  const steps: StepName[] = child
    ? ['verification', 'bestInterest', 'reunification', 'closure']
    : ['verification', 'reunification', 'closure'];
  const done: Record<StepName, boolean> = {
    verification: r.steps.verification !== null,
    bestInterest: r.steps.bestInterest !== null,
    reunification: r.steps.reunification !== null,
    closure: r.steps.closure !== null,
  };
  const current: StepName | null = can('verify')
    ? 'verification'
    : can('determine_best_interest')
      ? 'bestInterest'
      : can('reunify')
        ? 'reunification'
        : null;

  const note = (n: string | null | undefined) =>
    n ? (
      <span className="case-log__text" dir="auto">
        {n}
      </span>
    ) : null;
  const placeText = (p: { country?: string; adminArea?: string; locality?: string }) =>
    [p.locality, p.adminArea, p.country ? country(p.country) : undefined]
      .filter(Boolean)
      .join(t('common.listSeparator')) || t('common.notRecorded');

  const recorded = (step: StepName): Fact[] => {
    const s = r.steps;
    switch (step) {
      case 'verification':
        return s.verification
          ? [
              {
                label: t('tracing.steps.method'),
                value: labels.verificationMethod(s.verification.method),
              },
              ...(s.verification.note
                ? [{ label: t('tracing.steps.note'), value: note(s.verification.note) }]
                : []),
            ]
          : [];
      case 'bestInterest':
        return s.bestInterest
          ? [
              {
                label: t('tracing.steps.outcome'),
                value: labels.bestInterest(s.bestInterest.outcome),
              },
              {
                label: t('tracing.steps.decidedOn'),
                value: formatDate(s.bestInterest.decidedOn, lang),
              },
              ...(s.bestInterest.note
                ? [{ label: t('tracing.steps.note'), value: note(s.bestInterest.note) }]
                : []),
            ]
          : [];
      case 'reunification':
        return s.reunification
          ? [
              { label: t('tracing.steps.date'), value: formatDate(s.reunification.date, lang) },
              {
                label: t('tracing.steps.place'),
                value: <bdi>{placeText(s.reunification.place)}</bdi>,
              },
              ...(s.reunification.followUp?.plannedOn
                ? [
                    {
                      label: t('tracing.steps.followUpOn'),
                      value: formatDate(s.reunification.followUp.plannedOn, lang),
                    },
                  ]
                : []),
              ...(s.reunification.followUp?.note
                ? [{ label: t('tracing.steps.note'), value: note(s.reunification.followUp.note) }]
                : []),
            ]
          : [];
      case 'closure':
        return s.closure
          ? [
              { label: t('tracing.steps.reason'), value: labels.closureReason(s.closure.reason) },
              ...(s.closure.note
                ? [{ label: t('tracing.steps.note'), value: note(s.closure.note) }]
                : []),
            ]
          : [];
    }
  };

  const form = (step: StepName): ReactNode => {
    if (step === 'verification' && can('verify'))
      return mayWrite ? <VerifyForm request={r} onChanged={onChanged} /> : <Who who="officer" />;
    if (step === 'bestInterest' && can('determine_best_interest'))
      return mayDecide ? (
        <BestInterestForm request={r} onChanged={onChanged} />
      ) : (
        <Who who="supervisor" />
      );
    if (step === 'reunification' && can('reunify'))
      return mayWrite ? <ReunifyForm request={r} onChanged={onChanged} /> : <Who who="officer" />;
    if (step === 'closure' && can('close'))
      return mayDecide ? <CloseForm request={r} onChanged={onChanged} /> : <Who who="supervisor" />;
    return null;
  };

  return (
    <section aria-labelledby="tracing-steps-heading" className="section">
      <h2 id="tracing-steps-heading">{t('tracing.steps.title')}</h2>
      <p className="hint">
        {r.soughtIsChild === null
          ? t('tracing.steps.childUnknown')
          : child
            ? t('tracing.steps.childYes')
            : t('tracing.steps.childNo')}
      </p>
      <ol className="reunite-steps">
        {steps.map((step) => {
          const facts = recorded(step);
          const body = form(step);
          return (
            <li key={step} aria-current={current === step ? 'step' : undefined}>
              <h3>
                {t(`tracing.steps.${step}`)}
                {step === 'bestInterest' && ` (${t('tracing.steps.required')})`}
              </h3>
              <p className="hint">
                {done[step]
                  ? t('tracing.steps.done')
                  : body
                    ? t('tracing.steps.now')
                    : t(`tracing.steps.pending.${step}`)}
              </p>
              {facts.length > 0 && <FactList facts={facts} />}
              {body}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Who({ who }: { who: 'officer' | 'supervisor' }) {
  const { t } = useTranslation();
  return <p>{t(`tracing.steps.who.${who}`)}</p>;
}

/** Shared plumbing of the step forms: busy flag, field errors from the server, the alert. */
function useStepForm(onChanged: Props['onChanged'], message: string) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const run = async (work: () => Promise<TracingRequest>) => {
    setBusy(true);
    setAlert(null);
    try {
      const updated = await work();
      setErrors({});
      onChanged(updated, message);
    } catch (e) {
      const fields = fieldErrorsFrom(t, e, (p) => p.replace(/\.\d+(?=\.|$)/g, ''));
      if (fields) {
        setErrors(fields);
        setAlert(t('errors.validation_failed'));
      } else setAlert(tracingFailure(t, e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, alert, errors, setErrors, run };
}

const focus = (id: string) => document.getElementById(id)?.focus();

function VerifyForm({ request, onChanged }: Pick<Props, 'request' | 'onChanged'>) {
  const { t } = useTranslation();
  const labels = useTracingLabels();
  const [outcome, setOutcome] = useState<'verified' | 'failed'>('verified');
  const [method, setMethod] = useState<VerificationMethod | ''>('');
  const [note, setNote] = useState('');
  const f = useStepForm(
    onChanged,
    outcome === 'verified' ? t('tracing.steps.verifiedDone') : t('tracing.steps.failedDone'),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!method) {
      f.setErrors({ method: t('fieldErrors.required') });
      return focus('tracing-verify-method');
    }
    void f.run(() =>
      tracingApi.verify(request.id, {
        outcome,
        method,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormAlert message={f.alert} />
      <SelectField
        id="tracing-verify-outcome"
        label={t('tracing.steps.verifyOutcome')}
        value={outcome}
        onValue={(v) => setOutcome(v as 'verified' | 'failed')}
        hint={t('tracing.steps.verifyOutcomeHint')}
        required
      >
        <option value="verified">{t('tracing.steps.verified')}</option>
        <option value="failed">{t('tracing.steps.failed')}</option>
      </SelectField>
      <SelectField
        id="tracing-verify-method"
        label={t('tracing.steps.method')}
        value={method}
        onValue={(v) => setMethod(v as VerificationMethod | '')}
        error={f.errors.method}
        required
      >
        <option value="">{t('common.choose')}</option>
        {VERIFICATION_METHODS.map((m) => (
          <option key={m} value={m}>
            {labels.verificationMethod(m)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="tracing-verify-note"
        label={t('tracing.steps.verifyNote')}
        value={note}
        onValue={setNote}
        error={f.errors.note}
        maxLength={2000}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={f.busy}>
          {t('tracing.steps.verifySubmit')}
        </button>
      </div>
    </form>
  );
}

function BestInterestForm({ request, onChanged }: Pick<Props, 'request' | 'onChanged'>) {
  const { t } = useTranslation();
  const labels = useTracingLabels();
  const [outcome, setOutcome] = useState<BestInterestOutcome | ''>('');
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const f = useStepForm(onChanged, t('tracing.steps.bestInterestDone'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) {
      f.setErrors({ outcome: t('fieldErrors.required') });
      return focus('tracing-bi-outcome');
    }
    void f.run(() =>
      tracingApi.bestInterest(request.id, {
        outcome,
        ...(decidedOn ? { decidedOn } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <p className="hint">{t('tracing.steps.bestInterestHint')}</p>
      <FormAlert message={f.alert} />
      <SelectField
        id="tracing-bi-outcome"
        label={t('tracing.steps.bestInterestOutcome')}
        value={outcome}
        onValue={(v) => setOutcome(v as BestInterestOutcome | '')}
        error={f.errors.outcome}
        required
      >
        <option value="">{t('common.choose')}</option>
        {BEST_INTEREST_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {labels.bestInterest(o)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="tracing-bi-decidedOn"
        type="date"
        max={todayIso()}
        label={t('tracing.steps.decidedOn')}
        value={decidedOn}
        onValue={setDecidedOn}
        error={f.errors.decidedOn}
      />
      <TextAreaField
        id="tracing-bi-note"
        label={t('tracing.steps.bestInterestNote')}
        value={note}
        onValue={setNote}
        error={f.errors.note}
        maxLength={2000}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={f.busy}>
          {t('tracing.steps.bestInterestSubmit')}
        </button>
      </div>
    </form>
  );
}

function ReunifyForm({ request, onChanged }: Pick<Props, 'request' | 'onChanged'>) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const [countryCode, setCountry] = useState('');
  const [adminArea, setAdminArea] = useState('');
  const [locality, setLocality] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [note, setNote] = useState('');
  const f = useStepForm(onChanged, t('tracing.steps.reunifiedDone'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date) {
      f.setErrors({ date: t('fieldErrors.required') });
      return focus('tracing-reunify-date');
    }
    const followUp = {
      ...(plannedOn ? { plannedOn } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    void f.run(() =>
      tracingApi.reunify(request.id, {
        date,
        place: {
          ...(countryCode
            ? { country: countryCode as NonNullable<ReunifyBody['place']['country']> }
            : {}),
          ...(adminArea.trim() ? { adminArea: adminArea.trim() } : {}),
          ...(locality.trim() ? { locality: locality.trim() } : {}),
        },
        ...(Object.keys(followUp).length > 0 ? { followUp } : {}),
      }),
    );
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormAlert message={f.alert} />
      <TextField
        id="tracing-reunify-date"
        type="date"
        max={todayIso()}
        label={t('tracing.steps.reunifyDate')}
        value={date}
        onValue={setDate}
        error={f.errors.date}
        required
      />
      <div className="grid">
        <CountrySelect
          id="tracing-reunify-country"
          label={t('tracing.steps.reunifyCountry')}
          emptyLabel={t('common.chooseCountry')}
          value={countryCode}
          onValue={setCountry}
          error={f.errors['place.country']}
        />
        <TextField
          id="tracing-reunify-adminArea"
          label={t('tracing.steps.reunifyAdminArea')}
          value={adminArea}
          onValue={setAdminArea}
          error={f.errors['place.adminArea']}
          dir="auto"
          maxLength={200}
        />
        <TextField
          id="tracing-reunify-locality"
          label={t('tracing.steps.reunifyLocality')}
          value={locality}
          onValue={setLocality}
          error={f.errors['place.locality']}
          dir="auto"
          maxLength={200}
        />
      </div>
      <TextField
        id="tracing-reunify-followUp"
        type="date"
        label={t('tracing.steps.followUpOn')}
        value={plannedOn}
        onValue={setPlannedOn}
        error={f.errors['followUp.plannedOn']}
      />
      <TextAreaField
        id="tracing-reunify-note"
        label={t('tracing.steps.followUpNote')}
        value={note}
        onValue={setNote}
        error={f.errors['followUp.note']}
        maxLength={2000}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={f.busy}>
          {t('tracing.steps.reunifySubmit')}
        </button>
      </div>
    </form>
  );
}

function CloseForm({ request: r, onChanged }: Pick<Props, 'request' | 'onChanged'>) {
  const { t } = useTranslation();
  const labels = useTracingLabels();
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const [note, setNote] = useState('');
  const f = useStepForm(onChanged, t('tracing.steps.closedDone'));
  // Only the reasons the request's status allows (the same rule the server applies).
  const state = {
    status: r.status,
    soughtIsChild: r.soughtIsChild,
    bestInterest: r.steps.bestInterest?.outcome ?? null,
  };
  const reasons = CLOSURE_REASONS.filter(
    (c) => checkTracing(state, 'close', { closureReason: c }).ok,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) {
      f.setErrors({ reason: t('fieldErrors.required') });
      return focus('tracing-close-reason');
    }
    void f.run(() =>
      tracingApi.close(r.id, { reason, ...(note.trim() ? { note: note.trim() } : {}) }),
    );
  };
  return (
    <details className="case-details">
      <summary>{t('tracing.steps.closeLegend')}</summary>
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert message={f.alert} />
        <SelectField
          id="tracing-close-reason"
          label={t('tracing.steps.closeReason')}
          value={reason}
          onValue={(v) => setReason(v as ClosureReason | '')}
          error={f.errors.reason}
          required
        >
          <option value="">{t('common.choose')}</option>
          {reasons.map((c) => (
            <option key={c} value={c}>
              {labels.closureReason(c)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="tracing-close-note"
          label={t('tracing.steps.closeNote')}
          value={note}
          onValue={setNote}
          error={f.errors.note}
          maxLength={2000}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={f.busy}>
            {t('tracing.steps.closeSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
