import { useTranslation } from 'react-i18next';
import type { Cell } from '../../../shared/api/insights.schema.ts';
import { formatNumber } from './analytics-format.ts';

/**
 * A count as the API sent it: the number in the interface language, or "suppressed" (a small
 * cell, whose number the browser never receives), never a guess at the number.
 */
export function SuppressedCount({ cell }: { cell: Cell }) {
  const { t, i18n } = useTranslation();
  if (cell.suppressed || cell.count === null) {
    return <span className="badge">{t('insights.sankey.suppressed')}</span>;
  }
  return <>{formatNumber(cell.count, i18n.language) ?? '—'}</>;
}
