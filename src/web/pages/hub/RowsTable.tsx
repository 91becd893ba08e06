import { useTranslation } from 'react-i18next';
import { useColumnLabel } from './hub-columns.ts';

/**
 * The first rows of a file as they would leave (or were published), in a region that scrolls
 * sideways: 63 CTDC columns do not fit a page. The region is focusable so keyboards can scroll.
 */
export function RowsTable(props: {
  id: string;
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  empty: string;
  /** Said for an empty cell (an aggregate's "any value" of a column not in the combination). */
  blank?: string;
}) {
  const { t } = useTranslation();
  const column = useColumnLabel();
  const { id, caption, columns, rows, empty, blank } = props;
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="hub-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} className="hub-rows">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('hub.rows.number')}</span>
            </th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {column(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              {row.map((cell, j) => (
                <td key={j}>
                  {cell === '' && blank ? (
                    <span className="muted">{blank}</span>
                  ) : (
                    // CTDC values are codes, numbers and bands ("-99", "30--38"): left to right.
                    <bdi dir="ltr">{cell}</bdi>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
