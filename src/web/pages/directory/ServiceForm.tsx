import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../shared/api/directory.schema.ts';
import { GENDERS, TRAFFICKING_STATUSES } from '../../../shared/codes/htcds.ts';
import { directoryApi } from '../../api/directory-api.ts';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { isOnEarth } from '../../components/map/map-view.ts';
import { WorldMap } from '../../components/map/WorldMap.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';
import { directoryFieldErrors } from './directory-errors.ts';
import { parseDecimal } from './search-draft.ts';
import {
  draftOf,
  EMPTY_SERVICE,
  SERVICE_FIELDS,
  serviceBody,
  serviceDraftProblems,
  serviceFieldOf,
  type ServiceDraft,
} from './service-draft.ts';
import { ServiceTypeSelect } from './ServiceTypeSelect.tsx';
import { CODE_LIST, COORDINATE, EMAIL, FREE_TEXT, PHONE, WHOLE_NUMBER } from './input-kinds.ts';

interface Props {
  providerId: string;
  /** The service to edit; null adds one to the provider. */
  service: Service | null;
  onSaved: (service: Service) => void;
  onCancel: () => void;
}

/** Adds or edits a service; errors are shown at their field, the server's as well as ours. */
export function ServiceForm({ providerId, service, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const prefix = 'service-';
  const [draft, setDraft] = useState<ServiceDraft>(() =>
    service ? draftOf(service) : EMPTY_SERVICE,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (found: FieldErrors) => {
    setErrors(found);
    focusFirstInvalid(found, SERVICE_FIELDS, prefix);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const problems = serviceDraftProblems(draft);
    if (Object.keys(problems).length > 0) {
      return fail(
        Object.fromEntries(Object.keys(problems).map((k) => [k, t('fieldErrors.required')])),
      );
    }
    setErrors({});
    setBusy(true);
    try {
      const body = serviceBody(draft, providerId);
      onSaved(
        service
          ? await directoryApi.updateService(service.id, body)
          : await directoryApi.createService(body),
      );
    } catch (e) {
      const fields = directoryFieldErrors(t, e, serviceFieldOf);
      if (fields) fail(fields);
      else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const set =
    <K extends keyof ServiceDraft>(key: K) =>
    (value: ServiceDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: Exclude<keyof ServiceDraft, 'genders' | 'statuses' | 'active'>) => ({
    id: `${prefix}${key}`,
    value: draft[key],
    onValue: (v: string) => setDraft((d) => ({ ...d, [key]: v })),
    error: errors[key],
  });
  const lat = parseDecimal(draft.latitude);
  const lon = parseDecimal(draft.longitude);
  const here =
    lat !== null && lon !== null && isOnEarth(lat, lon)
      ? { latitude: lat, longitude: lon, label: draft.name || t('directory.service.site') }
      : null;

  return (
    <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
      <p className="hint">{t('common.requiredHint')}</p>
      <FormAlert message={alert} />
      <div className="grid">
        <ServiceTypeSelect
          {...text('serviceType')}
          value={draft.serviceType}
          onValue={set('serviceType')}
          required
          label={t('directory.fields.serviceType')}
        />
        <TextField {...text('name')} required {...FREE_TEXT} label={t('directory.service.name')} />
      </div>
      <TextAreaField {...text('description')} label={t('directory.service.description')} />
      <fieldset className="directory__fieldset">
        <legend>{t('directory.service.location')}</legend>
        <div className="grid">
          <TextField {...text('address')} {...FREE_TEXT} label={t('directory.service.address')} />
          <TextField
            {...text('adminArea')}
            {...FREE_TEXT}
            label={t('directory.service.adminArea')}
          />
          <CountrySelect
            {...text('country')}
            required
            label={t('directory.service.country')}
            emptyLabel={t('common.chooseCountry')}
          />
          <TextField
            {...text('latitude')}
            required
            {...COORDINATE}
            label={t('directory.service.latitude')}
            hint={t('directory.fields.latitudeHint')}
          />
          <TextField
            {...text('longitude')}
            required
            {...COORDINATE}
            label={t('directory.service.longitude')}
            hint={t('directory.fields.longitudeHint')}
          />
        </div>
        <WorldMap
          label={t('directory.service.mapLabel')}
          height={260}
          marker={here}
          onLocationPick={(latitude, longitude) =>
            setDraft((d) => ({ ...d, latitude: String(latitude), longitude: String(longitude) }))
          }
        />
      </fieldset>
      <fieldset className="directory__fieldset">
        <legend>{t('directory.service.eligibility')}</legend>
        <p className="field__hint">{t('directory.service.eligibilityHint')}</p>
        <div className="grid">
          <TextField {...text('ageMin')} {...WHOLE_NUMBER} label={t('directory.service.ageMin')} />
          <TextField {...text('ageMax')} {...WHOLE_NUMBER} label={t('directory.service.ageMax')} />
          <TextField
            {...text('languages')}
            {...CODE_LIST}
            label={t('directory.service.languages')}
            hint={t('directory.service.languagesHint')}
          />
          <TextField
            {...text('nationalities')}
            {...CODE_LIST}
            label={t('directory.service.nationalities')}
            hint={t('directory.service.nationalitiesHint')}
          />
        </div>
        <CheckboxGroup
          id={`${prefix}genders`}
          legend={t('directory.service.genders')}
          options={GENDERS}
          labelOf={codes.gender}
          selected={draft.genders}
          onChange={set('genders')}
          error={errors.genders}
        />
        <CheckboxGroup
          id={`${prefix}statuses`}
          legend={t('directory.service.statuses')}
          options={TRAFFICKING_STATUSES}
          labelOf={codes.traffickingStatus}
          selected={draft.statuses}
          onChange={set('statuses')}
          error={errors.statuses}
        />
      </fieldset>
      <fieldset className="directory__fieldset">
        <legend>{t('directory.service.practical')}</legend>
        <div className="grid">
          <TextField
            {...text('capacityTotal')}
            {...WHOLE_NUMBER}
            label={t('directory.service.capacityTotal')}
            hint={t('directory.service.capacityHint')}
          />
          <TextField
            {...text('capacityAvailable')}
            {...WHOLE_NUMBER}
            label={t('directory.service.capacityAvailable')}
          />
          <TextField
            {...text('responseDays')}
            {...WHOLE_NUMBER}
            label={t('directory.service.responseDays')}
            hint={t('directory.service.responseDaysHint')}
          />
          <TextField {...text('hours')} {...FREE_TEXT} label={t('directory.service.hours')} />
          <TextField {...text('phone')} {...PHONE} label={t('directory.service.phone')} />
          <TextField {...text('email')} {...EMAIL} label={t('directory.service.email')} />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            id={`${prefix}active`}
            checked={draft.active}
            onChange={(e) => set('active')(e.target.checked)}
          />
          <span>{t('directory.service.active')}</span>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {service ? t('directory.service.save') : t('directory.service.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
