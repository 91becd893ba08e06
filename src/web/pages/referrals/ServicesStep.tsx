import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/api/directory.schema.ts';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import { directoryApi } from '../../api/directory-api.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describedBy } from '../../components/field-ids.ts';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom, type FieldErrors } from '../../lib/field-errors.ts';
import { unmetReason, type SearchProfile, type UnmetReasonCode } from './referral-model.ts';
import { useReferralLabels } from './use-referral-labels.ts';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      hits: SearchHit[];
      radiusKm: number;
      hasFrom: boolean;
      unmet: { reason: UnmetReasonCode; recorded: 'pending' | 'yes' | 'failed' } | null;
    };

interface Props {
  caseId: string;
  serviceType: ServiceType;
  profile: SearchProfile;
  search: SearchState;
  onSearch: (s: SearchState) => void;
  selected: string;
  onSelect: (serviceId: string) => void;
  error: string | undefined;
}

/** The radius of the first search, in km (the directory's own default). */
export const DEFAULT_RADIUS_KM = 50;
const DEFAULT_RADIUS = String(DEFAULT_RADIUS_KM);

const searchFieldOf = (p: string) =>
  p === 'from.latitude'
    ? 'latitude'
    : p === 'from.longitude'
      ? 'longitude'
      : p === 'radiusKm'
        ? 'radius'
        : p;

interface SearchArgs {
  caseId: string;
  serviceType: ServiceType;
  profile: SearchProfile;
  radiusKm: number;
  from?: { latitude: number; longitude: number };
}

/**
 * Searches the directory for the case and reports each state; when nothing fits within the
 * radius, records the unmet need (one per case and type within 24 hours) and says whether it
 * was recorded. `failure` turns an error into the sentence to show.
 */
export async function runSearch(
  args: SearchArgs,
  onSearch: (s: SearchState) => void,
  failure: (e: unknown) => string,
): Promise<void> {
  const { caseId, serviceType, profile, radiusKm, from } = args;
  onSearch({ status: 'loading' });
  let ready: Extract<SearchState, { status: 'ready' }>;
  try {
    const result = await directoryApi.search({
      serviceType,
      person: profile,
      ...(from ? { from } : {}),
      radiusKm,
      includeIneligible: true,
      limit: 50,
    });
    const reason = unmetReason(result.results);
    ready = {
      status: 'ready',
      hits: result.results,
      radiusKm,
      hasFrom: from !== undefined,
      unmet: reason ? { reason, recorded: 'pending' } : null,
    };
  } catch (e) {
    onSearch({ status: 'error', message: failure(e) });
    return;
  }
  onSearch(ready);
  if (!ready.unmet) return;
  const reason = ready.unmet.reason;
  const recorded = await referralsApi
    .recordUnmetNeed({ caseId, serviceType, ...(from ?? {}), radiusKm, reason })
    .then(
      () => 'yes' as const,
      () => 'failed' as const,
    );
  onSearch({ ...ready, unmet: { reason, recorded } });
}

/** A decimal number typed with a point or a comma; null when empty, NaN when not a number. */
function numberOf(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * The services of the type, ranked by the directory (eligible and in range first, then fewer
 * mismatches, then nearer): each says in words why it may not fit, how far it is and how many
 * places it has. When none fits within the radius the gap is recorded as an unmet need.
 */
export function ServicesStep(props: Props) {
  const { caseId, serviceType, profile, search, onSearch, selected, onSelect, error } = props;
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const codes = useCodeLabels();
  const country = useCountryName();
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [radius, setRadius] = useState(DEFAULT_RADIUS);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [locating, setLocating] = useState(false);

  const run = async () => {
    const latitude = numberOf(lat);
    const longitude = numberOf(lon);
    const radiusKm = numberOf(radius);
    const problems: FieldErrors = {};
    if (latitude !== null && !(Math.abs(latitude) <= 90))
      problems.latitude = t('referrals.search.latitudeRange');
    if (longitude !== null && !(Math.abs(longitude) <= 180))
      problems.longitude = t('referrals.search.longitudeRange');
    if ((latitude === null) !== (longitude === null))
      problems[latitude === null ? 'latitude' : 'longitude'] = t('referrals.search.bothOrNeither');
    if (radiusKm === null || !(radiusKm > 0 && radiusKm <= 20_000))
      problems.radius = t('referrals.search.radiusRange');
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(`refer-${Object.keys(problems)[0]!}`)?.focus();
      return;
    }
    const from = latitude !== null && longitude !== null ? { latitude, longitude } : undefined;
    await runSearch(
      { caseId, serviceType, profile, radiusKm: radiusKm!, ...(from ? { from } : {}) },
      onSearch,
      (e) => {
        const fields = fieldErrorsFrom(t, e, searchFieldOf);
        if (fields) setFieldErrors(fields);
        return errorMessage(t, e);
      },
    );
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLat(p.coords.latitude.toFixed(4));
        setLon(p.coords.longitude.toFixed(4));
        setLocating(false);
      },
      () => setLocating(false),
      { timeout: 10_000 },
    );
  };

  const person = [
    profile.age !== undefined ? t('referrals.search.age', { count: profile.age }) : null,
    codes.gender(profile.gender),
    t('referrals.search.citizen', { country: country(profile.nationality) }),
    codes.traffickingStatus(profile.status),
  ].filter(Boolean);

  return (
    <>
      <p className="hint">
        {t('referrals.search.profile', { person: person.join(t('common.listSeparator')) })}
      </p>
      <fieldset className="filters">
        <legend>{t('referrals.search.fromLegend')}</legend>
        <p className="field__hint">{t('referrals.search.fromHint')}</p>
        <div className="grid">
          <TextField
            id="refer-latitude"
            label={t('referrals.search.latitude')}
            value={lat}
            onValue={setLat}
            inputMode="decimal"
            dir="ltr"
            error={fieldErrors.latitude}
          />
          <TextField
            id="refer-longitude"
            label={t('referrals.search.longitude')}
            value={lon}
            onValue={setLon}
            inputMode="decimal"
            dir="ltr"
            error={fieldErrors.longitude}
          />
          <TextField
            id="refer-radius"
            label={t('referrals.search.radius')}
            value={radius}
            onValue={setRadius}
            inputMode="decimal"
            dir="ltr"
            error={fieldErrors.radius}
          />
        </div>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => void run()}>
            {t('referrals.search.submit')}
          </button>
          {'geolocation' in navigator && (
            <button
              type="button"
              className="button button--secondary"
              onClick={locate}
              disabled={locating}
            >
              {t('referrals.search.here')}
            </button>
          )}
        </div>
      </fieldset>
      <div aria-live="polite">
        {search.status === 'loading' && <p>{t('common.loading')}</p>}
        {search.status === 'ready' && search.unmet && (
          <div className="panel panel--notice">
            <p>
              <strong>
                {t(`referrals.search.unmet.${search.unmet.reason}`, {
                  service: labels.serviceType(serviceType),
                  radius: labels.km(search.radiusKm),
                })}
              </strong>
            </p>
            {search.unmet.recorded === 'yes' && <p>{t('referrals.search.unmetRecorded')}</p>}
            {search.unmet.recorded === 'failed' && <p>{t('referrals.search.unmetNotRecorded')}</p>}
          </div>
        )}
      </div>
      {search.status === 'error' && <FormAlert message={search.message} />}
      {search.status === 'ready' && search.hits.length > 0 && (
        <fieldset
          className={error ? 'field--invalid' : undefined}
          aria-describedby={describedBy('refer-service', null, error)}
        >
          <legend>{t('referrals.search.results')}</legend>
          {error && (
            <p id="refer-service-error" className="field__error">
              {error}
            </p>
          )}
          <ul className="referral-results">
            {search.hits.map((h, i) => (
              <li key={h.id}>
                <label className="checkbox">
                  <input
                    type="radio"
                    name="refer-service"
                    id={i === 0 ? 'refer-service' : `refer-service-${h.id}`}
                    value={h.id}
                    checked={selected === h.id}
                    onChange={() => onSelect(h.id)}
                    aria-describedby={`refer-hit-${h.id}`}
                  />
                  <span>
                    <span className="referral-results__name">
                      <bdi>{h.name}</bdi>
                    </span>
                  </span>
                </label>
                <HitFacts hit={h} radiusKm={search.radiusKm} hasFrom={search.hasFrom} />
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </>
  );
}

/** One result in words: provider, fit, distance, places, answer time. */
export function HitFacts({
  hit: h,
  radiusKm,
  hasFrom,
}: {
  hit: SearchHit;
  radiusKm: number;
  hasFrom: boolean;
}) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const country = useCountryName();
  const sep = t('common.listSeparator');
  return (
    <div id={`refer-hit-${h.id}`} className="referral-results__meta">
      <span className="referral-results__meta">
        <bdi>{h.provider.name}</bdi>
        {' · '}
        {[h.address, h.adminArea, country(h.country)].filter(Boolean).join(sep)}
      </span>
      {h.eligible ? (
        <span className="referral-eligible">{t('referrals.search.eligible')}</span>
      ) : (
        <span className="referral-mismatch">
          {t('referrals.search.mismatches', {
            reasons: h.mismatches.map(labels.mismatch).join(sep),
          })}
        </span>
      )}
      <span className="referral-results__meta">
        {h.distanceKm === null || !hasFrom
          ? t('referrals.search.noDistance')
          : h.withinRadius
            ? t('referrals.search.distance', { distance: labels.km(h.distanceKm) })
            : t('referrals.search.outside', {
                distance: labels.km(h.distanceKm),
                radius: labels.km(radiusKm),
              })}
        {' · '}
        {h.capacityAvailable === null
          ? t('referrals.search.placesUnlimited')
          : t('referrals.search.placesLeft', { count: h.capacityAvailable })}
        {' · '}
        {t('referrals.search.answerWithin', { count: h.responseDays })}
      </span>
      {!h.provider.receivesReferrals && (
        <span className="referral-results__meta">{t('referrals.search.external')}</span>
      )}
    </div>
  );
}
