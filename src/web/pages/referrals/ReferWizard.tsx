import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/cases.schema.ts';
import type { SearchHit } from '../../../shared/api/directory.schema.ts';
import type { ReferralDetail, StatedValues } from '../../../shared/api/referrals.schema.ts';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import { can } from '../../../shared/policy/grants.ts';
import type { DisclosureFieldName } from '../../../shared/referrals/disclosure.ts';
import type { Urgency } from '../../../shared/referrals/lifecycle.ts';
import { consentApi } from '../../api/consent-api.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, type FieldErrors } from '../../lib/field-errors.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useUser } from '../../session/session-context.ts';
import { referralFailure } from './referral-errors.ts';
import { consentCovers, consentRefusal, searchProfile, wizardFieldOf } from './referral-model.ts';
import { ReviewStep } from './ReviewStep.tsx';
import { DEFAULT_RADIUS_KM, runSearch, ServicesStep, type SearchState } from './ServicesStep.tsx';
import { ShareStep, STATED_PREFIX, statedOf, type StatedDraft } from './ShareStep.tsx';
import { useReferralLabels } from './use-referral-labels.ts';
import { ServiceTypeSelect } from '../directory/ServiceTypeSelect.tsx';

interface Props {
  detail: CaseDetail;
  onSent: (referral: ReferralDetail) => void;
  /** A draft was saved but not sent (consent missing, say): the panel's list shows it. */
  onDraftSaved: () => void;
  onCancel: () => void;
}

const STEPS = ['need', 'services', 'share', 'review'] as const;
type Step = (typeof STEPS)[number];

const EMPTY_STATED: StatedDraft = {
  languages: '',
  safetyConcerns: '',
  healthNotes: '',
  separationDetails: '',
};

/**
 * Refer from the case page, in four steps: the need (with today's consent for it), the matching
 * services ranked by eligibility and distance, the fields to share (none ticked: the sender
 * chooses, among those the service type may receive), then review and send.
 */
export function ReferWizard({ detail, onSent, onDraftSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const { role } = useUser();
  const [step, setStep] = useState<Step>('need');
  const [type, setType] = useState<ServiceType | ''>('');
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const [serviceId, setServiceId] = useState('');
  const [fields, setFields] = useState<DisclosureFieldName[]>([]);
  const [stated, setStated] = useState<StatedDraft>(EMPTY_STATED);
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [consentRefused, setConsentRefused] = useState(false);
  const [draft, setDraft] = useState<ReferralDetail | null>(null);
  const [busy, setBusy] = useState(false);

  const mayReadConsent = can(role, 'consent:read');
  const consent = useResource(`refer-consent/${detail.id}`, () =>
    mayReadConsent ? consentApi.overview(detail.id) : Promise.resolve(null),
  );
  const covers =
    type === '' || consent.state.status !== 'ready'
      ? null
      : consentCovers(consent.state.data, type);

  // Each step's heading takes focus when the step changes (not on opening: the button had it).
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const hits: SearchHit[] = search.status === 'ready' ? search.hits : [];
  const service = hits.find((h) => h.id === serviceId) ?? null;
  const position = STEPS.indexOf(step);

  const go = (next: Step) => {
    setErrors({});
    setAlert(null);
    setStep(next);
  };

  const chooseType = (value: ServiceType | '') => {
    setType(value);
    setSearch({ status: 'idle' });
    setServiceId('');
    setFields([]);
    setStated(EMPTY_STATED);
    setConsentRefused(false);
  };

  /** Client-side checks of a step before moving on; the server checks everything again. */
  const checkStep = (): FieldErrors => {
    const missing: FieldErrors = {};
    if (step === 'need' && type === '') missing.serviceType = t('referrals.wizard.needRequired');
    if (step === 'services' && !serviceId) missing.service = t('referrals.wizard.serviceRequired');
    if (step === 'share') {
      const { errors: statedErrors } = statedOf(t, fields, stated);
      Object.assign(missing, statedErrors);
    }
    return missing;
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const missing = checkStep();
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setAlert(null);
      const firstKey = Object.keys(missing)[0]!;
      document.getElementById(fieldId(firstKey))?.focus();
      return;
    }
    if (step === 'review') return void send();
    // The first search runs on entering the step, without a starting point (no distances yet).
    if (step === 'need' && type !== '' && search.status === 'idle')
      void runSearch(
        {
          caseId: detail.id,
          serviceType: type,
          profile: searchProfile(detail, new Date()),
          radiusKm: DEFAULT_RADIUS_KM,
        },
        setSearch,
        (e) => errorMessage(t, e),
      );
    go(STEPS[position + 1]!);
  };

  /** Saves the draft (creates it, or brings it up to date), then sends it. */
  const send = async () => {
    if (type === '' || !service) return;
    const { values } = statedOf(t, fields, stated);
    const content = {
      urgency,
      fields,
      stated: values as StatedValues,
      ...(message.trim() ? { message } : {}),
    };
    setBusy(true);
    setConsentRefused(false);
    let saved = draft;
    try {
      if (saved && saved.serviceType !== type) {
        // A draft for another need: withdrawn rather than silently turned into this one.
        await referralsApi.withdraw(saved.id, { version: saved.version, reason: 'sent_in_error' });
        saved = null;
      }
      saved = saved
        ? await referralsApi.update(saved.id, {
            version: saved.version,
            serviceId: service.id,
            ...content,
            message: message.trim() ? message : null,
          })
        : await referralsApi.create({
            caseId: detail.id,
            serviceId: service.id,
            serviceType: type,
            ...content,
          });
      setDraft(saved);
      const sent = await referralsApi.send(saved.id, { version: saved.version });
      onSent(sent);
    } catch (e) {
      if (saved) {
        setDraft(saved);
        onDraftSaved();
      }
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const failed = (e: unknown) => {
    const refusal = consentRefusal(e);
    if (refusal) {
      setConsentRefused(true);
      setAlert(referralFailure(t, e, type || undefined));
      consent.reload();
      return;
    }
    const fieldErrors = fieldErrorsFrom(t, e, wizardFieldOf);
    if (fieldErrors) {
      setErrors(fieldErrors);
      const keys = Object.keys(fieldErrors);
      const back = keys.some((k) => k === 'fields' || k.startsWith('stated'))
        ? 'share'
        : keys.includes('serviceId')
          ? 'services'
          : 'review';
      setStep(back);
      setAlert(t('referrals.wizard.notSent'));
      return;
    }
    setAlert(referralFailure(t, e, type || undefined));
  };

  const consentNote =
    type === '' || covers === null ? null : covers ? (
      <p className="referral-eligible">
        {t('referrals.wizard.consentYes', { service: labels.serviceType(type) })}
      </p>
    ) : (
      <div className="panel panel--notice">
        <p>{t('referrals.wizard.consentNo', { service: labels.serviceType(type) })}</p>
        <p className="actions">
          <a href="#case-consent-heading">{t('referrals.wizard.consentLink')}</a>
          <button type="button" className="button button--secondary" onClick={consent.reload}>
            {t('referrals.wizard.consentCheck')}
          </button>
        </p>
      </div>
    );

  return (
    <div className="referral-wizard">
      <ol className="referral-steps" aria-label={t('referrals.wizard.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t('referrals.wizard.stepOf', { n: i + 1, name: t(`referrals.wizard.steps.${s}`) })}
          </li>
        ))}
      </ol>
      <form noValidate onSubmit={next} aria-labelledby="refer-step-heading">
        <h3 id="refer-step-heading" ref={heading} tabIndex={-1}>
          {t(`referrals.wizard.headings.${step}`)}
        </h3>
        <FormAlert message={alert} />
        {consentRefused && (
          <p>
            <a href="#case-consent-heading">{t('referrals.wizard.consentLink')}</a>
          </p>
        )}
        {step === 'need' && (
          <>
            <ServiceTypeSelect
              id="refer-serviceType"
              label={t('referrals.wizard.need')}
              hint={t('referrals.wizard.needHint')}
              value={type}
              onValue={chooseType}
              error={errors.serviceType}
              required
            />
            {consentNote}
          </>
        )}
        {step === 'services' && type !== '' && (
          <ServicesStep
            caseId={detail.id}
            serviceType={type}
            profile={searchProfile(detail, new Date())}
            search={search}
            onSearch={setSearch}
            selected={serviceId}
            onSelect={setServiceId}
            error={errors.service ?? errors.serviceId}
          />
        )}
        {step === 'share' && type !== '' && (
          <ShareStep
            serviceType={type}
            fields={fields}
            onFields={setFields}
            stated={stated}
            onStated={setStated}
            urgency={urgency}
            onUrgency={setUrgency}
            message={message}
            onMessage={setMessage}
            errors={errors}
          />
        )}
        {step === 'review' && type !== '' && service && (
          <ReviewStep
            serviceType={type}
            service={service}
            fields={fields}
            stated={stated}
            urgency={urgency}
            message={message}
            consentNote={consentNote}
          />
        )}
        <div className="actions">
          {position > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => go(STEPS[position - 1]!)}
              disabled={busy}
            >
              {t('referrals.wizard.back')}
            </button>
          )}
          <button type="submit" className="button" disabled={busy}>
            {step === 'review'
              ? busy
                ? t('referrals.wizard.sending')
                : t('referrals.wizard.send')
              : t('referrals.wizard.next')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The control an error's key belongs to, for focus. */
function fieldId(key: string): string {
  if (key === 'serviceType') return 'refer-serviceType';
  if (key === 'service' || key === 'serviceId') return 'refer-service';
  if (key === 'fields') return 'refer-fields';
  if (key.startsWith('stated.')) return `${STATED_PREFIX}${key.slice('stated.'.length)}`;
  return `refer-${key}`;
}
