import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GENDERS, TRAFFICKING_STATUSES } from '../../../shared/codes/htcds.ts';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import type { DraftProblem, SearchDraft, SearchField } from './search-draft.ts';
import { ServiceTypeSelect } from './ServiceTypeSelect.tsx';
import { COORDINATE, WHOLE_NUMBER } from './input-kinds.ts';

interface Props {
  draft: SearchDraft;
  problems: Partial<Record<SearchField, DraftProblem>>;
  onChange: (draft: SearchDraft) => void;
  onSubmit: () => void;
  onClear: () => void;
  busy: boolean;
}

export const SEARCH_PREFIX = 'dir-search-';

/** Need, what is known of the person (optional, never stored), where from and how far. */
export function SearchForm({ draft, problems, onChange, onSubmit, onClear, busy }: Props) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const set =
    <K extends SearchField>(key: K) =>
    (value: SearchDraft[K]) =>
      onChange({ ...draft, [key]: value });
  const field = (key: SearchField) => ({
    id: `${SEARCH_PREFIX}${key}`,
    error: problems[key] ? t(`directory.errors.${problems[key]}`) : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <form
      role="search"
      className="filters"
      aria-labelledby="dir-search-heading"
      onSubmit={submit}
      noValidate
    >
      <h2 id="dir-search-heading">{t('directory.search.heading')}</h2>
      <div className="filters__grid">
        <ServiceTypeSelect
          {...field('serviceType')}
          required
          label={t('directory.fields.serviceType')}
          value={draft.serviceType}
          onValue={set('serviceType')}
        />
      </div>
      <fieldset className="directory__fieldset">
        <legend>{t('directory.search.person')}</legend>
        <p className="field__hint">{t('directory.search.personHint')}</p>
        <div className="filters__grid">
          <TextField
            {...field('age')}
            {...WHOLE_NUMBER}
            label={t('directory.fields.age')}
            value={draft.age}
            onValue={set('age')}
          />
          <SelectField
            {...field('gender')}
            label={t('directory.fields.gender')}
            value={draft.gender}
            onValue={(v) => set('gender')(v as SearchDraft['gender'])}
          >
            <option value="">{t('directory.search.notStated')}</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {codes.gender(g)}
              </option>
            ))}
          </SelectField>
          <CountrySelect
            {...field('nationality')}
            label={t('directory.fields.nationality')}
            emptyLabel={t('directory.search.notStated')}
            value={draft.nationality}
            onValue={set('nationality')}
          />
          <SelectField
            {...field('status')}
            label={t('directory.fields.status')}
            value={draft.status}
            onValue={(v) => set('status')(v as SearchDraft['status'])}
          >
            <option value="">{t('directory.search.notStated')}</option>
            {TRAFFICKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {codes.traffickingStatus(s)}
              </option>
            ))}
          </SelectField>
          <LanguageSelect
            {...field('language')}
            label={t('directory.fields.language')}
            emptyLabel={t('directory.search.notStated')}
            value={draft.language}
            onValue={set('language')}
          />
        </div>
      </fieldset>
      <fieldset className="directory__fieldset">
        <legend>{t('directory.search.where')}</legend>
        <p className="field__hint">{t('directory.search.whereHint')}</p>
        <div className="filters__grid">
          <TextField
            {...field('latitude')}
            {...COORDINATE}
            label={t('directory.fields.fromLatitude')}
            hint={t('directory.fields.latitudeHint')}
            value={draft.latitude}
            onValue={set('latitude')}
          />
          <TextField
            {...field('longitude')}
            {...COORDINATE}
            label={t('directory.fields.fromLongitude')}
            hint={t('directory.fields.longitudeHint')}
            value={draft.longitude}
            onValue={set('longitude')}
          />
          <TextField
            {...field('radiusKm')}
            {...WHOLE_NUMBER}
            label={t('directory.fields.radius')}
            value={draft.radiusKm}
            onValue={set('radiusKm')}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            id={`${SEARCH_PREFIX}onlyEligible`}
            checked={draft.onlyEligible}
            onChange={(e) => set('onlyEligible')(e.target.checked)}
          />
          <span>{t('directory.fields.onlyEligible')}</span>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('directory.search.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('directory.search.clear')}
        </button>
      </div>
    </form>
  );
}
