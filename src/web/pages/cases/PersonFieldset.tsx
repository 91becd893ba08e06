import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../shared/codes/htcds.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { todayIso } from '../../lib/format.ts';
import { bindText, type DraftBinding } from './new-case-binding.ts';
import type { NewCaseDraft } from './new-case-draft.ts';

/** The person's identifiers (encrypted at rest by the server). */
export function PersonFieldset({ binding }: { binding: DraftBinding }) {
  const { t } = useTranslation();
  const labels = useCodeLabels();
  const bind = (path: Parameters<typeof bindText>[1]) => bindText(binding, path);
  return (
    <fieldset className="section">
      <legend>{t('newCase.personSection')}</legend>
      <div className="grid">
        <TextField
          {...bind('person.givenName')}
          label={t('person.givenName')}
          required
          dir="auto"
          autoComplete="off"
        />
        <TextField
          {...bind('person.familyName')}
          label={t('person.familyName')}
          dir="auto"
          autoComplete="off"
        />
        <TextField
          {...bind('person.aliases')}
          label={t('person.aliases')}
          hint={t('newCase.aliasesHint')}
          dir="auto"
          autoComplete="off"
        />
        <TextField
          {...bind('person.dateOfBirth')}
          type="date"
          max={todayIso()}
          label={t('person.dateOfBirth')}
          hint={t('newCase.dateOfBirthHint')}
        />
        <TextField
          {...bind('person.age')}
          inputMode="numeric"
          label={t('newCase.age')}
          hint={t('newCase.ageHint')}
        />
        <SelectField
          {...bind('person.gender')}
          onValue={(v) => binding.update({ gender: v as NewCaseDraft['gender'] })}
          label={t('person.gender')}
          required
        >
          <option value="">{t('common.choose')}</option>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {labels.gender(g)}
            </option>
          ))}
        </SelectField>
        <TextField
          {...bind('person.phone')}
          type="tel"
          dir="ltr"
          autoComplete="off"
          label={t('person.phone')}
        />
        <TextField
          {...bind('person.email')}
          type="email"
          dir="ltr"
          autoComplete="off"
          label={t('person.email')}
        />
        <TextField
          {...bind('person.documentNumber')}
          dir="ltr"
          autoComplete="off"
          label={t('person.documentNumber')}
        />
        <TextField
          {...bind('person.address')}
          dir="auto"
          autoComplete="off"
          label={t('person.address')}
        />
      </div>
    </fieldset>
  );
}
