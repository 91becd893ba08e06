import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SdgResponse } from '../../../shared/api/insights.schema.ts';
import type { ExploitationType } from '../../../shared/codes/htcds.ts';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { SuppressedCount } from './AnalyticsCell.tsx';
import { formatNumber } from './analytics-format.ts';
import { formsPresent, missingRateReason } from './sdg-model.ts';

type Row = SdgResponse['rows'][number];
type Rate = Row['total'];

export const SDG_TABLE_ID = 'sdg-table';

/** Victims (or "suppressed") over the rate per 100,000 (or "—", explained under the table). */
function RateCell({ rate }: { rate: Rate }) {
  const { t, i18n } = useTranslation();
  const per100k = formatNumber(rate.per100k, i18n.language, 2);
  return (
    <span className="sdg-rate">
      <span>
        <SuppressedCount cell={rate.victims} />
      </span>
      <span className="sdg-rate__per">
        {per100k === null ? (
          <abbr title={t('insights.sdg.noRate')}>—</abbr>
        ) : (
          t('insights.sdg.rateValue', { rate: per100k })
        )}
      </span>
    </span>
  );
}

/** The main table's groups of victims, in its column order (the CSV download follows it). */
export const sdgGroups = (t: TFunction): { label: string; rate: (r: Row) => Rate }[] => [
  { label: t('insights.sdg.total'), rate: (r) => r.total },
  { label: t('insights.sdg.female'), rate: (r) => r.bySex.female },
  { label: t('insights.sdg.male'), rate: (r) => r.bySex.male },
  { label: t('insights.sdg.otherSex'), rate: (r) => r.bySex.other },
  { label: t('insights.sdg.child'), rate: (r) => r.byAge.child },
  { label: t('insights.sdg.adult'), rate: (r) => r.byAge.adult },
  { label: t('insights.sdg.ageUnknown'), rate: (r) => r.byAge.unknown },
];

/** A row's note: why it has no rate, in the interface language. */
export function sdgNote(t: TFunction, r: Row): string {
  const reason = missingRateReason(r);
  if (reason) return t(`insights.sdg.notice.${reason}`);
  return r.notice === null ? '' : t('insights.sdg.notice.other');
}

/** The indicator per country in words: totals, by sex and age, then by form of exploitation. */
export function SdgTables({ data }: { data: SdgResponse }) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const codes = useCodeLabels();
  const forms = formsPresent(data.rows);
  const groups = sdgGroups(t);
  const noteOf = (r: Row) => sdgNote(t, r);
  return (
    <>
      <table id={SDG_TABLE_ID} className="stack-table sdg-table">
        <caption className="sdg-table__caption">{t('insights.sdg.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.sdg.country')}</th>
            <th scope="col">{t('insights.sdg.population')}</th>
            {groups.map((g) => (
              <th key={g.label} scope="col">
                {g.label}
              </th>
            ))}
            <th scope="col">{t('insights.sdg.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.country}>
              <th scope="row" data-label={t('insights.sdg.country')}>
                <span>{country(r.country)}</span>
              </th>
              <td data-label={t('insights.sdg.population')}>
                <span>
                  {formatNumber(r.population, i18n.language) ?? (
                    <abbr title={t('insights.sdg.notice.populationUnknown')}>—</abbr>
                  )}
                </span>
              </td>
              {groups.map((g) => (
                <td key={g.label} data-label={g.label}>
                  <RateCell rate={g.rate(r)} />
                </td>
              ))}
              <td data-label={t('insights.sdg.notes')}>
                <span>{noteOf(r)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('insights.sdg.cellExplained')}</p>
      <p className="muted">{t('insights.sdg.noRateExplained')}</p>

      {forms.length > 0 && (
        <table className="stack-table sdg-table">
          <caption className="sdg-table__caption">{t('insights.sdg.byFormCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insights.sdg.country')}</th>
              {forms.map((f) => (
                <th key={f} scope="col">
                  {codes.exploitation(f as ExploitationType)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.country}>
                <th scope="row" data-label={t('insights.sdg.country')}>
                  <span>{country(r.country)}</span>
                </th>
                {forms.map((f) => {
                  const rate = r.byForm[f];
                  const label = codes.exploitation(f as ExploitationType);
                  return (
                    <td key={f} data-label={label}>
                      {rate ? (
                        <RateCell rate={rate} />
                      ) : (
                        <span>{formatNumber(0, i18n.language)}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('insights.methods.sourcesHeading')}</h3>
      <ul className="analytics-sources">
        <li lang="en">{t('insights.methods.source.sdg1622')}</li>
      </ul>
    </>
  );
}
