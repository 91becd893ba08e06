import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/api/cases.schema.ts';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatDate } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';

/**
 * The case list as a table (stacked cards on a phone, see layout.css). Data minimisation: no
 * names here; they show only on the case page, whose every read is audited.
 */
export function CaseTable({ items, page }: { items: readonly CaseSummary[]; page: number }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const country = useCountryName();
  const none = t('common.notRecorded');
  const columns = [
    t('cases.fields.reference'),
    t('cases.fields.registrationDate'),
    t('cases.fields.status'),
    t('cases.fields.traffickingStatus'),
    t('cases.fields.gender'),
    t('cases.fields.age'),
    t('cases.fields.citizenship'),
    t('cases.fields.countryOfExploitation'),
    t('cases.fields.typeOfExploitation'),
  ] as const;
  return (
    <table className="stack-table cases-table">
      <caption className="visually-hidden">{t('cases.results.caption', { page })}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((c) => {
          const cells = [
            formatDate(c.registrationDate, i18n.language),
            labels.caseStatus(c.status),
            labels.traffickingStatus(c.traffickingStatus),
            labels.gender(c.gender),
            c.ageAtRegistration ?? none,
            country(c.citizenship),
            c.countryOfExploitation ? country(c.countryOfExploitation) : none,
            c.typeOfExploitation.map(labels.exploitation).join(t('common.listSeparator')) || none,
          ];
          return (
            <tr key={c.id}>
              <th scope="row" data-label={columns[0]}>
                <Link to={`/cases/${c.id}`} dir="ltr">
                  {c.reference}
                </Link>
              </th>
              {cells.map((value, i) => (
                <td key={columns[i + 1]} data-label={columns[i + 1]}>
                  {value}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
