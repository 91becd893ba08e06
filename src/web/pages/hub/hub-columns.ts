import { useTranslation } from 'react-i18next';
import type { CtdcColumn } from '../../../shared/hub/ctdc/global-layout.ts';

/**
 * The CTDC columns the interface names in words (codebook, CTDC 2017); every other column is
 * shown by its CTDC name. The quasi-identifiers offered for a contribution are these: what an
 * outsider could know about a person (CTDC treats the first five as such).
 */
export const NAMED_COLUMNS = [
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
  'yearOfRegistration',
  'majorityStatus',
  'majorityStatusAtExploit',
  'majorityEntry',
  'Datasource',
  'typeOfExploitConcatenated',
  'typeOfLabourConcatenated',
  'typeOfSexConcatenated',
  'RecruiterRelationship',
  'isAbduction',
] as const satisfies readonly CtdcColumn[];
export type NamedColumn = (typeof NAMED_COLUMNS)[number];

const isNamed = (c: string): c is NamedColumn => (NAMED_COLUMNS as readonly string[]).includes(c);

/** A column's label in the interface language ("Gender"), or its CTDC name when not named. */
export function useColumnLabel(): (column: string) => string {
  const { t } = useTranslation();
  return (column) =>
    isNamed(column)
      ? t(`hub.column.${column}`)
      : // the count column of a DP aggregates file
        column === 'count'
        ? t('hub.column.count')
        : column;
}

/** The columns every source has, in the first source's order (what a publication may use). */
export function commonColumns(sources: readonly { columns: readonly string[] }[]): string[] {
  const [first, ...rest] = sources;
  if (!first) return [];
  return first.columns.filter((c) => rest.every((s) => s.columns.includes(c)));
}
