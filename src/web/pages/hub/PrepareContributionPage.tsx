import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTRIBUTION_DEFAULT_QI,
  CONTRIBUTION_DEFAULT_SUPPRESSION_LIMIT,
  CTDC_K,
} from '../../../shared/api/hub-contributions.schema.ts';
import { contributionsApi, type ContributionPrepareInput } from '../../api/hub-api.ts';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { focusFirstInvalid } from '../../lib/field-errors.ts';
import { Link } from '../../router/Link.tsx';
import { navigate } from '../../router/history.ts';
import { NAMED_COLUMNS, useColumnLabel, type NamedColumn } from './hub-columns.ts';
import { hubFieldErrors, refusalOf, type Refusal } from './hub-errors.ts';
import { RefusalPanel } from './RefusalPanel.tsx';
import { parsePositive, parseWhole } from './hub-format.ts';

const PREFIX = 'contribution-';
const ORDER = ['label', 'registeredFrom', 'registeredTo', 'qi', 'k', 'suppressionLimit'];

/**
 * /hub/contributions/new: a supervisor prepares the organisation's contribution. Only cases that
 * consent to statistics today are taken; the disclosure check (k-anonymity on the chosen
 * quasi-identifiers) runs before anything is stored, and the preview follows.
 */
export function PrepareContributionPage() {
  const { t, i18n } = useTranslation();
  const column = useColumnLabel();
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [qi, setQi] = useState<NamedColumn[]>([...CONTRIBUTION_DEFAULT_QI]);
  const [k, setK] = useState(String(CTDC_K));
  const [limit, setLimit] = useState(String(CONTRIBUTION_DEFAULT_SUPPRESSION_LIMIT * 100));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (): { body: ContributionPrepareInput | null; errors: FieldErrors } => {
    const found: FieldErrors = {};
    const kValue = parseWhole(k);
    if (kValue === null || kValue < 2) found.k = t('hub.errors.atLeast', { min: 2 });
    const limitValue = limit.trim() === '0' ? 0 : parsePositive(limit);
    if (limitValue === null || limitValue >= 100)
      found.suppressionLimit = t('hub.errors.below', { max: 100 });
    if (qi.length === 0) found.qi = t('hub.errors.oneColumn');
    if (from && to && from > to) found.registeredFrom = t('hub.errors.periodOrder');
    if (Object.keys(found).length > 0 || kValue === null || limitValue === null)
      return { body: null, errors: found };
    return {
      errors: found,
      body: {
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(from ? { registeredFrom: from } : {}),
        ...(to ? { registeredTo: to } : {}),
        qi,
        k: kValue,
        suppressionLimit: limitValue / 100,
      },
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const { body, errors: found } = check();
    setErrors(found);
    if (!body) return focusFirstInvalid(found, ORDER, PREFIX);
    setBusy(true);
    try {
      const prepared = await contributionsApi.prepare(body);
      navigate(`/hub/contributions/${encodeURIComponent(prepared.id)}`);
    } catch (e) {
      const fields = hubFieldErrors(t, e);
      if (fields) {
        setErrors(fields);
        setAlert({ message: t('hub.errors.checkFields'), detail: null });
        focusFirstInvalid(fields, ORDER, PREFIX);
      } else setAlert(refusalOf(t, i18n.language, e));
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('hub.prepare.title')} />
      <p className="hint">{t('hub.prepare.intro')}</p>
      <form className="form form--wide" noValidate onSubmit={(e) => void submit(e)}>
        <RefusalPanel refusal={alert} />
        <TextField
          id={`${PREFIX}label`}
          label={t('hub.prepare.label')}
          hint={t('hub.prepare.labelHint')}
          value={label}
          onValue={setLabel}
          maxLength={200}
          error={errors.label}
        />
        <fieldset className="section">
          <legend>{t('hub.prepare.period')}</legend>
          <p className="field__hint">{t('hub.prepare.periodHint')}</p>
          <div className="grid">
            <TextField
              id={`${PREFIX}registeredFrom`}
              type="date"
              label={t('hub.prepare.from')}
              value={from}
              onValue={setFrom}
              error={errors.registeredFrom}
            />
            <TextField
              id={`${PREFIX}registeredTo`}
              type="date"
              label={t('hub.prepare.to')}
              value={to}
              onValue={setTo}
              error={errors.registeredTo}
            />
          </div>
        </fieldset>
        <CheckboxGroup
          id={`${PREFIX}qi`}
          legend={t('hub.prepare.qi')}
          hint={t('hub.prepare.qiHint')}
          options={NAMED_COLUMNS}
          labelOf={column}
          selected={qi}
          onChange={setQi}
          error={errors.qi}
        />
        <div className="grid">
          <TextField
            id={`${PREFIX}k`}
            label={t('hub.prepare.k')}
            hint={t('hub.prepare.kHint', { k: CTDC_K })}
            value={k}
            onValue={setK}
            inputMode="numeric"
            required
            error={errors.k}
          />
          <TextField
            id={`${PREFIX}suppressionLimit`}
            label={t('hub.prepare.suppressionLimit')}
            hint={t('hub.prepare.suppressionHint', {
              share: CONTRIBUTION_DEFAULT_SUPPRESSION_LIMIT * 100,
            })}
            value={limit}
            onValue={setLimit}
            inputMode="decimal"
            required
            error={errors.suppressionLimit}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('hub.prepare.checking') : t('hub.prepare.submit')}
          </button>
          <Link to="/hub/contributions">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
