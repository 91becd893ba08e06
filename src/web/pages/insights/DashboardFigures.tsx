import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, Dashboard } from '../../../shared/api/insights.schema.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartSeries } from '../../components/charts/chart-types.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatCount } from '../../lib/format.ts';
import type { Resource } from '../../lib/use-resource.ts';
import { navigate } from '../../router/history.ts';
import { DashboardControls } from './DashboardControls.tsx';
import { useDimensionLabels } from './dimension-labels.ts';
import { DrillTrail } from './DrillTrail.tsx';
import {
  canDrill,
  dashboardSearch,
  drillInto,
  nextDimension,
  allSuppressed,
  isEmpty,
  type DashboardState,
  type PeriodForm,
} from './dashboard-state.ts';
import { formatPeriod } from './insights-format.ts';

interface Props {
  data: Dashboard;
  state: DashboardState;
  form: PeriodForm;
  path: string;
  /** Start of the downloads' file names ("lantern-cases", "publication-…"). */
  filePrefix: string;
}

/**
 * A dashboard's figures: the counts over time by the chosen dimension and their breakdown,
 * each a chart with its table; the empty and all-suppressed states say why nothing is drawn.
 */
export function DashboardFigures({ data, state, form, path, filePrefix }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const labels = useDimensionLabels();
  const count = (c: Cell) =>
    c.suppressed || c.count === null
      ? t('insights.dashboard.fewerThan', { minCell: formatCount(data.minCell, lang) })
      : formatCount(c.count, lang);

  const categories = useMemo(
    () => data.periods.map((p) => ({ key: p, label: formatPeriod(p, lang) })),
    [data.periods, lang],
  );
  const series = useMemo<ChartSeries[]>(
    () =>
      data.series.map((s) => ({
        key: s.key,
        label: labels.value(data.by, s.key),
        cells: s.cells,
        total: s.total,
      })),
    [data, labels],
  );
  const breakdown = useMemo(
    () => ({
      categories: series.map((s) => ({ key: s.key, label: s.label })),
      series: [
        {
          key: 'cases',
          label: t('insights.dashboard.cases'),
          cells: data.series.map((s) => s.total),
        },
      ],
    }),
    [series, data.series, t],
  );

  const dimension = labels.dimension(data.by);
  const next = nextDimension(state);
  const drill = {
    onSelect: (key: string) =>
      navigate(`${path}${dashboardSearch(drillInto(state, form, key), form)}`),
    selectable: (key: string) => canDrill(state, form, key),
    selectLabel: (label: string) =>
      t('insights.dashboard.drill.action', {
        value: label,
        next: next ? labels.dimension(next) : '',
      }),
  };
  const allCases = t('insights.dashboard.allCases');
  const base = `${filePrefix}-by-${data.by}`;
  const empty = isEmpty(data);
  const first = data.periods[0];
  const last = data.periods[data.periods.length - 1];

  return (
    <section className="section" aria-labelledby="dashboard-figures">
      <h2 id="dashboard-figures">{t('insights.dashboard.figures', { dimension })}</h2>
      <dl className="dashboard__facts">
        <div>
          <dt>{t('insights.dashboard.totalCases')}</dt>
          <dd data-testid="dashboard-total">{count(data.total)}</dd>
        </div>
        {first && last && (
          <div>
            <dt>{t('insights.dashboard.period.label')}</dt>
            <dd>
              {t('insights.dashboard.period.range', {
                from: formatPeriod(first, lang),
                to: formatPeriod(last, lang),
              })}
            </dd>
          </div>
        )}
      </dl>
      <p className="muted">
        {t('insights.dashboard.suppressionNote', { minCell: formatCount(data.minCell, lang) })}
      </p>
      {data.by === 'exploitation' && !empty && (
        <p className="muted">{t('insights.dashboard.severalTypes')}</p>
      )}
      {empty ? (
        <p className="panel" role="status">
          {t('insights.dashboard.empty')}
        </p>
      ) : (
        <>
          {allSuppressed(data) && (
            <p className="panel panel--notice" role="status">
              {t('insights.dashboard.allSuppressed', {
                minCell: formatCount(data.minCell, lang),
              })}
            </p>
          )}
          {next && series.some((s) => drill.selectable(s.key)) && (
            <p className="hint">
              {t('insights.dashboard.drill.hint', { next: labels.dimension(next) })}
            </p>
          )}
          <Chart
            id="dashboard-time"
            kind={state.chart}
            title={t(`insights.dashboard.overTime.${data.granularity}`, { dimension })}
            rowHeading={dimension}
            categories={categories}
            series={series}
            totals={{ label: allCases, cells: data.totals, total: data.total }}
            minCell={data.minCell}
            fileName={`${base}-${data.granularity}`}
            {...(next ? drill : {})}
          />
          <Chart
            id="dashboard-breakdown"
            kind="bar"
            title={t('insights.dashboard.breakdown', { dimension })}
            rowHeading={dimension}
            categories={breakdown.categories}
            series={breakdown.series}
            totals={{ label: allCases, cells: [data.total] }}
            minCell={data.minCell}
            fileName={`${base}-total`}
            {...(next ? drill : {})}
          />
        </>
      )}
    </section>
  );
}

/**
 * The body every dashboard page shares (the organisation's and a publication's): controls,
 * drill trail, then the figures once loaded, or the loading and error states.
 */
export function DashboardBody(props: Omit<Props, 'data'> & { dashboard: Resource<Dashboard> }) {
  const { t } = useTranslation();
  const { dashboard, ...shared } = props;
  return (
    <>
      <DashboardControls state={shared.state} form={shared.form} path={shared.path} />
      <DrillTrail state={shared.state} form={shared.form} path={shared.path} />
      {dashboard.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {dashboard.status === 'error' && <FormAlert message={errorMessage(t, dashboard.error)} />}
      {dashboard.status === 'ready' && <DashboardFigures data={dashboard.data} {...shared} />}
    </>
  );
}
