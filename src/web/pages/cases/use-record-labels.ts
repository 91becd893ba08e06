import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Code lists of the case record with labels in `codes.<list>` (see case-record-labels.test). */
export type RecordCodeList =
  | 'decisionMakingOrg'
  | 'relationshipToTrafficker'
  | 'recruitmentMethod'
  | 'websiteOrApp'
  | 'methodOfControl'
  | 'sexExploitation'
  | 'industry'
  | 'eventType'
  | 'supportType'
  | 'needStatus'
  | 'serviceStatus';

/** Labels of case-record codes; a code without a label (a deep industry tier) is left out. */
export function useRecordLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const one = (list: RecordCodeList, code: string): string | null => {
      const key = `codes.${list}.${code}`;
      return i18n.exists(key) ? t(key as 'codes.industry.C_Manufacturing') : null;
    };
    const many = (list: RecordCodeList, codes: readonly string[]): string =>
      codes
        .map((c) => one(list, c))
        .filter((l): l is string => l !== null)
        .join(t('common.listSeparator')) || t('common.notRecorded');
    return {
      one: (list: RecordCodeList, code: string | null) =>
        code ? (one(list, code) ?? t('common.notRecorded')) : t('common.notRecorded'),
      many,
    };
  }, [t, i18n]);
}
