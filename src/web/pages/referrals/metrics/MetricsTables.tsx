import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInterval, formatShare } from './metrics-format.ts';

/** Marks a count of 1–4: it may point at one person for someone who knows the case. */
export function SmallFlag({ small }: { small: boolean }) {
  const { t } = useTranslation();
  if (!small) return null;
  return <span className="badge metrics__small">{t('referralMetrics.small')}</span>;
}

export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
  /** The first column names the row (a row header). */
  header?: boolean;
}

/** A figures table that becomes cards on a phone, or the empty message. */
export function FiguresTable<T>(props: {
  id?: string;
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T, index: number) => string;
  empty: string;
}) {
  const { id, caption, rows, columns, rowKey, empty } = props;
  if (rows.length === 0) {
    return (
      <p id={id} className="muted">
        {empty}
      </p>
    );
  }
  return (
    <table id={id} className="stack-table metrics-table">
      <caption className="metrics-table__caption">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) =>
              c.header ? (
                <th key={c.label} scope="row" data-label={c.label}>
                  <span>{c.cell(row)}</span>
                </th>
              ) : (
                <td key={c.label} data-label={c.label}>
                  <span>{c.cell(row)}</span>
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The columns of an acceptance-rate cell (accepted, declined, expired, n, rate, interval). */
export interface RateRow {
  accepted: number;
  declined: number;
  expired: number;
  n: number;
  rate: number | null;
  ci: { low: number; high: number } | null;
  small: boolean;
}

export function useRateColumns<T extends RateRow>(): Column<T>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = '—';
  return [
    { label: t('referralMetrics.rate.accepted'), cell: (r) => r.accepted },
    { label: t('referralMetrics.rate.declined'), cell: (r) => r.declined },
    { label: t('referralMetrics.rate.expired'), cell: (r) => r.expired },
    {
      label: t('referralMetrics.rate.answered'),
      cell: (r) => (
        <>
          {r.n} <SmallFlag small={r.small} />
        </>
      ),
    },
    { label: t('referralMetrics.rate.rate'), cell: (r) => formatShare(r.rate, lang) ?? dash },
    {
      label: t('referralMetrics.rate.interval'),
      cell: (r) => formatInterval(r.ci, lang) ?? dash,
    },
  ];
}
