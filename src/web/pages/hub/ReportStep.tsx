import { useTranslation } from 'react-i18next';
import type {
  DpQuality,
  HubSource,
  PublicationParameters,
  PublicationPreview,
} from '../../../shared/api/hub.schema.ts';
import { FactList } from '../../components/FactList.tsx';
import { RiskFacts, UtilityFacts } from './DisclosureReport.tsx';
import {
  formatCount,
  formatDecimal,
  formatDelta,
  formatShare,
  remainingAfter,
} from './hub-format.ts';
import { useGuarantee } from './publication-words.ts';
import { RowsTable } from './RowsTable.tsx';

interface Props {
  preview: PublicationPreview;
  parameters: PublicationParameters;
  sources: readonly HubSource[];
}

/** The sources whose budget the request would exceed (DP kinds only; the server refuses too). */
export function overBudget(
  parameters: PublicationParameters,
  budgets: PublicationPreview['budget'],
): string[] {
  if (parameters.kind === 'microdata') return [];
  return budgets
    .filter(
      (b) =>
        parameters.epsilon > b.budget.epsilonLeft + 1e-12 ||
        parameters.delta > b.budget.deltaLeft + 1e-18,
    )
    .map((b) => b.sourceId);
}

/** Step 4: the report before release — the guarantee, risk and utility, or DP quality and budget. */
export function ReportStep({ preview, parameters, sources }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const guarantee = useGuarantee();
  const report = preview.report;
  const labelOf = (id: string) => sources.find((s) => s.id === id)?.label ?? id;
  return (
    <>
      <section className="section" aria-labelledby="report-guarantee">
        <h3 id="report-guarantee">{t('hub.report.guarantee')}</h3>
        <ul>
          {guarantee(parameters).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <FactList
          facts={[
            { label: t('hub.report.records'), value: formatCount(report.records, lang) },
            {
              label:
                report.kind === 'aggregates' ? t('hub.report.counts') : t('hub.report.released'),
              value: formatCount(report.released, lang),
            },
          ]}
        />
      </section>
      {report.kind === 'microdata' ? (
        <>
          <div className="hub-pair">
            <section className="section" aria-labelledby="report-risk">
              <h3 id="report-risk">{t('hub.report.risk')}</h3>
              <RiskFacts risk={report.risk} k={report.k} />
            </section>
            {report.riskBefore && (
              <section className="section" aria-labelledby="report-risk-before">
                <h3 id="report-risk-before">{t('hub.report.riskBefore')}</h3>
                <RiskFacts risk={report.riskBefore} k={report.k} />
              </section>
            )}
          </div>
          <section className="section" aria-labelledby="report-utility">
            <h3 id="report-utility">{t('hub.report.utility')}</h3>
            <UtilityFacts utility={report.utility} levels={report.utility.levels} />
          </section>
        </>
      ) : (
        <>
          {report.quality && (
            <QualityTable id="report-quality" title={t('hub.report.quality')} q={report.quality} />
          )}
          {report.syntheticQuality && (
            <QualityTable
              id="report-synthetic-quality"
              title={t('hub.report.syntheticQuality')}
              q={report.syntheticQuality}
            />
          )}
          {parameters.kind !== 'microdata' && (
            <section className="section" aria-labelledby="report-budget">
              <h3 id="report-budget">{t('hub.report.budget')}</h3>
              <table className="stack-table">
                <caption className="visually-hidden">{t('hub.report.budget')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hub.budget.source')}</th>
                    <th scope="col">{t('hub.budget.epsilonLeft')}</th>
                    <th scope="col">{t('hub.report.epsilonAfter')}</th>
                    <th scope="col">{t('hub.report.deltaAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.budget.map((b) => (
                    <tr key={b.sourceId}>
                      <th scope="row" data-label={t('hub.budget.source')}>
                        <bdi>{labelOf(b.sourceId)}</bdi>
                      </th>
                      <td data-label={t('hub.budget.epsilonLeft')}>
                        {formatDecimal(b.budget.epsilonLeft, lang)}
                      </td>
                      <td data-label={t('hub.report.epsilonAfter')}>
                        {formatDecimal(
                          remainingAfter(b.budget.epsilonLeft, parameters.epsilon),
                          lang,
                        )}
                      </td>
                      <td data-label={t('hub.report.deltaAfter')}>
                        {formatDelta(remainingAfter(b.budget.deltaLeft, parameters.delta), lang)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
      <section className="section" aria-labelledby="report-rows">
        <h3 id="report-rows">{t('hub.report.rows')}</h3>
        <RowsTable
          id="report-rows-table"
          caption={t('hub.report.rowsCaption', { n: preview.rows.length })}
          columns={preview.columns}
          rows={preview.rows}
          empty={t('hub.report.noRows')}
        />
      </section>
    </>
  );
}

function QualityTable({ id, title, q }: { id: string; title: string; q: DpQuality }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const percent = (p: number) => formatShare(p / 100, lang);
  const rows = [...q.byLength, q.all];
  return (
    <section className="section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <FactList
        facts={[
          { label: t('hub.report.mae'), value: formatDecimal(q.all.meanAbsoluteError, lang, 2) },
          { label: t('hub.report.suppressedShare'), value: percent(q.all.suppressedPercent) },
          { label: t('hub.report.fabricatedShare'), value: percent(q.all.fabricatedPercent) },
        ]}
      />
      <table className="stack-table">
        <caption className="hub-caption">{t('hub.report.byLength', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hub.report.length')}</th>
            <th scope="col">{t('hub.report.trueCombinations')}</th>
            <th scope="col">{t('hub.report.releasedCombinations')}</th>
            <th scope="col">{t('hub.report.meanTrueCount')}</th>
            <th scope="col">{t('hub.report.mae')}</th>
            <th scope="col">{t('hub.report.suppressedShare')}</th>
            <th scope="col">{t('hub.report.fabricatedShare')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row" data-label={t('hub.report.length')}>
                {r.length === 0 ? t('hub.report.allLengths') : r.length}
              </th>
              <td data-label={t('hub.report.trueCombinations')}>
                {formatCount(r.trueCombinations, lang)}
              </td>
              <td data-label={t('hub.report.releasedCombinations')}>
                {formatCount(r.releasedCombinations, lang)}
              </td>
              <td data-label={t('hub.report.meanTrueCount')}>
                {formatDecimal(r.meanTrueCount, lang, 1)}
              </td>
              <td data-label={t('hub.report.mae')}>
                {formatDecimal(r.meanAbsoluteError, lang, 2)}
              </td>
              <td data-label={t('hub.report.suppressedShare')}>{percent(r.suppressedPercent)}</td>
              <td data-label={t('hub.report.fabricatedShare')}>{percent(r.fabricatedPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
