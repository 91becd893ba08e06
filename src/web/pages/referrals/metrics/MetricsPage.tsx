import { useTranslation } from 'react-i18next';
import type { ReferralMetrics } from '../../../../shared/api/referral-metrics.schema.ts';
import { can } from '../../../../shared/policy/grants.ts';
import type { ServiceType } from '../../../../shared/codes/service-types.ts';
import { metricsCsvUrl, referralMetricsApi } from '../../../api/referral-metrics-api.ts';
import { FactList } from '../../../components/FactList.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { useCountryName } from '../../../lib/countries.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useResource } from '../../../lib/use-resource.ts';
import { useLocation } from '../../../router/history.ts';
import { useUser } from '../../../session/session-context.ts';
import { BarChart } from './BarChart.tsx';
import {
  filterFromSearch,
  formatHours,
  formatInterval,
  formatNumber,
  formatShare,
  metricsUrl,
} from './metrics-format.ts';
import { MetricsFilters } from './MetricsFilters.tsx';
import { FiguresTable, SmallFlag, useRateColumns } from './MetricsTables.tsx';
import './metrics.css';

/** /referrals/metrics (referral:metrics): the pathway figures of a period, as tables and charts. */
export function MetricsPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  const { search } = useLocation();
  const filter = filterFromSearch(search);
  const key = metricsUrl(filter);
  const metrics = useResource(key, () => referralMetricsApi.metrics(filter));
  // Organisations that both send and receive may look at either side.
  const mayChooseSide = can(role, 'referral:inbox') && can(role, 'referral:write');
  return (
    <>
      <div className="page-title">
        <PageHeading title={t('referralMetrics.title')} />
        <a className="button button--secondary" href={metricsCsvUrl(filter)} download>
          {t('referralMetrics.csv')}
        </a>
      </div>
      <p className="hint">{t('referralMetrics.intro')}</p>
      <MetricsFilters filter={filter} mayChooseSide={mayChooseSide} />
      {metrics.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {metrics.state.status === 'error' && (
        <FormAlert message={errorMessage(t, metrics.state.error)} />
      )}
      {metrics.state.status === 'ready' && <Figures m={metrics.state.data} />}
    </>
  );
}

function Figures({ m }: { m: ReferralMetrics }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const country = useCountryName();
  const rateColumns = useRateColumns();
  const dash = '—';
  const serviceType = (v: string) =>
    t(`consent.serviceType.${v as ServiceType}`, { defaultValue: v });
  const duration = (d: ReferralMetrics['timeToAcceptance']) =>
    d.n === 0
      ? t('referralMetrics.none')
      : t('referralMetrics.durationValue', {
          median: formatHours(d.medianHours, lang) ?? dash,
          p90: formatHours(d.p90Hours, lang) ?? dash,
          n: d.n,
        });
  const statuses = Object.entries(m.statusCounts) as [keyof typeof m.statusCounts, number][];
  const byType = m.acceptance.byServiceType;

  return (
    <div className="metrics">
      <p className="muted">
        {t('referralMetrics.generated', {
          from: formatDate(m.period.from, lang),
          to: formatDate(m.period.to, lang),
          when: formatDateTime(m.generatedAt, lang),
        })}
      </p>
      <p className="muted">
        {t('referralMetrics.smallExplained', { threshold: m.smallCellThreshold })}
      </p>

      <section className="section" aria-labelledby="metrics-overview">
        <h2 id="metrics-overview">{t('referralMetrics.overview')}</h2>
        {m.total === 0 && <p className="panel">{t('referralMetrics.emptyPeriod')}</p>}
        <FactList
          facts={[
            { label: t('referralMetrics.total'), value: m.total },
            {
              label: t('referralMetrics.acceptanceRate'),
              value:
                m.acceptance.overall.rate === null ? (
                  t('referralMetrics.noAnswers')
                ) : (
                  <>
                    {t('referralMetrics.rateValue', {
                      rate: formatShare(m.acceptance.overall.rate, lang),
                      interval: formatInterval(m.acceptance.overall.ci, lang),
                      n: m.acceptance.overall.n,
                    })}{' '}
                    <SmallFlag small={m.acceptance.overall.small} />
                  </>
                ),
            },
            {
              label: t('referralMetrics.expiredShare'),
              value:
                m.expired.share === null ? (
                  t('referralMetrics.noAnswers')
                ) : (
                  <>
                    {t('referralMetrics.rateValue', {
                      rate: formatShare(m.expired.share, lang),
                      interval: formatInterval(m.expired.ci, lang),
                      n: m.expired.n,
                    })}{' '}
                    <SmallFlag small={m.expired.small} />
                  </>
                ),
            },
            { label: t('referralMetrics.timeToAcceptance'), value: duration(m.timeToAcceptance) },
            { label: t('referralMetrics.timeToCompletion'), value: duration(m.timeToCompletion) },
            ...(m.referralsPerCase
              ? [
                  {
                    label: t('referralMetrics.perCase'),
                    value:
                      m.referralsPerCase.cases === 0
                        ? t('referralMetrics.none')
                        : t('referralMetrics.perCaseValue', {
                            mean: formatNumber(m.referralsPerCase.mean, lang, 1) ?? dash,
                            median: formatNumber(m.referralsPerCase.median, lang, 1) ?? dash,
                            cases: m.referralsPerCase.cases,
                          }),
                  },
                ]
              : []),
          ]}
        />
      </section>

      <section className="section" aria-labelledby="metrics-status">
        <h2 id="metrics-status">{t('referralMetrics.statusHeading')}</h2>
        {m.total > 0 && (
          <BarChart
            label={t('referralMetrics.statusChart')}
            describedBy="metrics-status-table"
            categories={statuses.map(([s]) => t(`referrals.status.${s}`))}
            values={statuses.map(([, n]) => n)}
            format="count"
          />
        )}
        <FiguresTable
          id="metrics-status-table"
          caption={t('referralMetrics.statusHeading')}
          rows={m.total > 0 ? statuses : []}
          rowKey={([s]) => s}
          empty={t('referralMetrics.emptyPeriod')}
          columns={[
            {
              label: t('referralMetrics.status'),
              cell: ([s]) => t(`referrals.status.${s}`),
              header: true,
            },
            { label: t('referralMetrics.count'), cell: ([, n]) => n },
          ]}
        />
      </section>

      <section className="section" aria-labelledby="metrics-by-type">
        <h2 id="metrics-by-type">{t('referralMetrics.byServiceType')}</h2>
        {byType.some((r) => r.rate !== null) && (
          <BarChart
            label={t('referralMetrics.byServiceTypeChart')}
            describedBy="metrics-by-type-table"
            categories={byType
              .filter((r) => r.rate !== null)
              .map((r) => serviceType(r.serviceType))}
            values={byType.filter((r) => r.rate !== null).map((r) => r.rate ?? 0)}
            format="percent"
          />
        )}
        <FiguresTable
          id="metrics-by-type-table"
          caption={t('referralMetrics.byServiceType')}
          rows={byType}
          rowKey={(r) => r.serviceType}
          empty={t('referralMetrics.noAnswers')}
          columns={[
            {
              label: t('referralMetrics.serviceType'),
              cell: (r) => serviceType(r.serviceType),
              header: true,
            },
            ...rateColumns,
          ]}
        />
      </section>

      <section className="section" aria-labelledby="metrics-by-provider">
        <h2 id="metrics-by-provider">{t('referralMetrics.byProvider')}</h2>
        <FiguresTable
          caption={t('referralMetrics.byProvider')}
          rows={m.acceptance.byProvider}
          rowKey={(r) => r.providerId}
          empty={t('referralMetrics.noAnswers')}
          columns={[
            {
              label: t('referralMetrics.provider'),
              cell: (r) => <bdi>{r.providerName}</bdi>,
              header: true,
            },
            ...rateColumns,
          ]}
        />
      </section>

      <section className="section" aria-labelledby="metrics-times">
        <h2 id="metrics-times">{t('referralMetrics.timesHeading')}</h2>
        <FiguresTable
          caption={t('referralMetrics.timesHeading')}
          rows={m.timesByServiceType}
          rowKey={(r) => r.serviceType}
          empty={t('referralMetrics.none')}
          columns={[
            {
              label: t('referralMetrics.serviceType'),
              cell: (r) => serviceType(r.serviceType),
              header: true,
            },
            { label: t('referralMetrics.timeToAcceptance'), cell: (r) => duration(r.toAcceptance) },
            { label: t('referralMetrics.timeToCompletion'), cell: (r) => duration(r.toCompletion) },
          ]}
        />
      </section>

      <section className="section" aria-labelledby="metrics-answers">
        <h2 id="metrics-answers">{t('referralMetrics.answersHeading')}</h2>
        <div className="metrics__pair">
          <FiguresTable
            caption={t('referralMetrics.declineReasons')}
            rows={m.declineReasons}
            rowKey={(r) => r.code}
            empty={t('referralMetrics.noDeclines')}
            columns={[
              {
                label: t('referralMetrics.reason'),
                cell: (r) =>
                  t(`referrals.declineReason.${r.code as 'other'}`, { defaultValue: r.code }),
                header: true,
              },
              {
                label: t('referralMetrics.count'),
                cell: (r) => (
                  <>
                    {r.count} ({formatShare(r.share, lang)}) <SmallFlag small={r.small} />
                  </>
                ),
              },
            ]}
          />
          <FiguresTable
            caption={t('referralMetrics.outcomes')}
            rows={m.completionOutcomes}
            rowKey={(r) => r.code}
            empty={t('referralMetrics.noOutcomes')}
            columns={[
              {
                label: t('referralMetrics.outcome'),
                cell: (r) => t(`referrals.outcome.${r.code as 'other'}`, { defaultValue: r.code }),
                header: true,
              },
              {
                label: t('referralMetrics.count'),
                cell: (r) => (
                  <>
                    {r.count} ({formatShare(r.share, lang)}) <SmallFlag small={r.small} />
                  </>
                ),
              },
            ]}
          />
        </div>
      </section>

      {m.unmetNeeds && (
        <section className="section" aria-labelledby="metrics-unmet">
          <h2 id="metrics-unmet">{t('referralMetrics.unmetHeading')}</h2>
          <p className="muted">{t('referralMetrics.unmetIntro', { count: m.unmetNeeds.total })}</p>
          <FiguresTable
            caption={t('referralMetrics.unmetHeading')}
            rows={m.unmetNeeds.byServiceTypeCountry}
            rowKey={(r) => `${r.serviceType}:${r.country ?? ''}`}
            empty={t('referralMetrics.noUnmet')}
            columns={[
              {
                label: t('referralMetrics.serviceType'),
                cell: (r) => serviceType(r.serviceType),
                header: true,
              },
              {
                label: t('referralMetrics.country'),
                cell: (r) => (r.country ? country(r.country) : t('referralMetrics.noCountry')),
              },
              {
                label: t('referralMetrics.count'),
                cell: (r) => (
                  <>
                    {r.count} <SmallFlag small={r.small} />
                  </>
                ),
              },
            ]}
          />
          {m.unmetNeeds.byReason.length > 0 && (
            <FiguresTable
              caption={t('referralMetrics.unmetByReason')}
              rows={m.unmetNeeds.byReason}
              rowKey={(r) => r.reason}
              empty={t('referralMetrics.noUnmet')}
              columns={[
                {
                  label: t('referralMetrics.reason'),
                  cell: (r) => t(`referralMetrics.unmetReason.${r.reason}`),
                  header: true,
                },
                {
                  label: t('referralMetrics.count'),
                  cell: (r) => (
                    <>
                      {r.count} <SmallFlag small={r.small} />
                    </>
                  ),
                },
              ]}
            />
          )}
        </section>
      )}

      <section className="section" aria-labelledby="metrics-coverage">
        <h2 id="metrics-coverage">{t('referralMetrics.coverageHeading')}</h2>
        <FiguresTable
          caption={t('referralMetrics.coverageHeading')}
          rows={m.coverage.byServiceType}
          rowKey={(r) => r.serviceType}
          empty={t('referralMetrics.noCoverage')}
          columns={[
            {
              label: t('referralMetrics.serviceType'),
              cell: (r) => serviceType(r.serviceType),
              header: true,
            },
            { label: t('referralMetrics.coverage.active'), cell: (r) => r.active },
            { label: t('referralMetrics.coverage.withPlaces'), cell: (r) => r.withPlaces },
            { label: t('referralMetrics.coverage.full'), cell: (r) => r.full },
            { label: t('referralMetrics.coverage.unlimited'), cell: (r) => r.unlimited },
            { label: t('referralMetrics.coverage.countries'), cell: (r) => r.countries },
          ]}
        />
      </section>
    </div>
  );
}
