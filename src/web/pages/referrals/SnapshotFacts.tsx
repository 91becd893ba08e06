import { useTranslation } from 'react-i18next';
import type { ReferralSnapshot } from '../../../shared/api/referrals.schema.ts';
import type { SupportType } from '../../../shared/codes/htcds-case.ts';
import type { ExploitationType, Gender, TraffickingStatus } from '../../../shared/codes/htcds.ts';
import {
  DISCLOSURE_FIELD_NAMES,
  type DisclosureFieldName,
} from '../../../shared/referrals/disclosure.ts';
import { FactList } from '../../components/FactList.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatDate } from '../../lib/format.ts';
import { snapshotEntries } from './referral-model.ts';
import { useReferralLabels } from './use-referral-labels.ts';

const LTR: ReadonlySet<DisclosureFieldName> = new Set(['phone', 'email', 'documentNumber']);

function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * What the sender disclosed, exactly as snapshotted at sending: only the fields present are
 * listed, each labelled; nothing else about the person exists on this side.
 */
export function SnapshotFacts({ snapshot }: { snapshot: ReferralSnapshot }) {
  const { t, i18n } = useTranslation();
  const labels = useReferralLabels();
  const codes = useCodeLabels();
  const country = useCountryName();
  const none = t('common.notRecorded');
  const sep = t('common.listSeparator');

  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : []);
  const show = (field: DisclosureFieldName, value: unknown) => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
      return none;
    if (field === 'dateOfBirth') return formatDate(text(value), i18n.language);
    if (field === 'gender') return codes.gender(value as Gender);
    if (field === 'citizenship' || field === 'countryOfExploitation') return country(text(value));
    if (field === 'traffickingStatus') return codes.traffickingStatus(value as TraffickingStatus);
    if (field === 'typeOfExploitation')
      return (value as ExploitationType[]).map(codes.exploitation).join(sep);
    if (field === 'needs')
      return list(value)
        .map((n) => t(`codes.supportType.${n as SupportType}`))
        .join(sep);
    if (field === 'languages')
      return list(value)
        .map((c) => languageName(c, i18n.language))
        .join(sep);
    if (field === 'aliases') return <bdi>{list(value).join(sep)}</bdi>;
    return LTR.has(field) ? (
      <bdi dir="ltr">{text(value)}</bdi>
    ) : (
      <bdi className="case-log__text">{text(value)}</bdi>
    );
  };
  const facts = snapshotEntries(snapshot, DISCLOSURE_FIELD_NAMES).map(([field, value]) => ({
    label: labels.field(field),
    value: show(field, value),
  }));
  if (facts.length === 0) return <p>{t('referrals.detail.nothingShared')}</p>;
  return (
    <div className="referral-snapshot">
      <FactList facts={facts} />
    </div>
  );
}
