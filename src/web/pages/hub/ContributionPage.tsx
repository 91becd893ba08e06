import { useTranslation } from 'react-i18next';
import type { ContributionDetail } from '../../../shared/api/hub-contributions.schema.ts';
import { contributionsApi } from '../../api/hub-api.ts';
import { FactList } from '../../components/FactList.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { ContributionActions } from './ContributionActions.tsx';
import { ContributionStatus } from './ContributionStatus.tsx';
import { RiskFacts, UtilityFacts } from './DisclosureReport.tsx';
import { useColumnLabel } from './hub-columns.ts';
import { formatCount } from './hub-format.ts';
import { RowsTable } from './RowsTable.tsx';

/**
 * /hub/contributions/{id}: the preview a supervisor decides on — what was considered and left
 * out, the risk before and after the disclosure check, what the check cost, the first rows as
 * they would leave — and the decision (a different supervisor approves: four-eyes).
 */
export function ContributionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useResource(`hub/contribution/${id}`, () => contributionsApi.get(id));
  return (
    <>
      {detail.state.status === 'loading' && (
        <>
          <PageHeading title={t('hub.contribution.title')} />
          <p role="status">{t('common.loading')}</p>
        </>
      )}
      {detail.state.status === 'error' && (
        <>
          <PageHeading title={t('hub.contribution.title')} />
          <FormAlert message={errorMessage(t, detail.state.error)} />
        </>
      )}
      {detail.state.status === 'ready' && <Preview c={detail.state.data} onChange={detail.set} />}
      <p>
        <Link to="/hub/contributions">{t('hub.contribution.back')}</Link>
      </p>
    </>
  );
}

function Preview({
  c,
  onChange,
}: {
  c: ContributionDetail;
  onChange: (c: ContributionDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const column = useColumnLabel();
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, lang)}</time>;
  const period =
    c.registeredFrom || c.registeredTo
      ? t('hub.contributions.periodValue', {
          from: c.registeredFrom ? formatDate(c.registeredFrom, lang) : '…',
          to: c.registeredTo ? formatDate(c.registeredTo, lang) : '…',
        })
      : t('hub.contributions.allPeriods');
  return (
    <>
      <PageHeading title={t('hub.contribution.titleOf', { label: c.label })}>
        {t('hub.contribution.title')}: <bdi>{c.label}</bdi>
      </PageHeading>

      <section className="section" aria-labelledby="contribution-summary">
        <h2 id="contribution-summary">{t('hub.contribution.summary')}</h2>
        <FactList
          facts={[
            {
              label: t('hub.contributions.statusLabel'),
              value: <ContributionStatus status={c.status} />,
            },
            { label: t('hub.contributions.period'), value: period },
            {
              label: t('hub.contribution.qi'),
              value: c.qi.map(column).join(t('common.listSeparator')),
            },
            { label: t('hub.contributions.k'), value: c.k },
            {
              label: t('hub.contributions.prepared'),
              value: (
                <span>
                  <bdi>{c.preparedBy}</bdi> · {when(c.preparedAt)}
                </span>
              ),
            },
            ...(c.decidedBy && c.decidedAt
              ? [
                  {
                    label: t('hub.contribution.decided'),
                    value: (
                      <span>
                        <bdi>{c.decidedBy}</bdi> · {when(c.decidedAt)}
                      </span>
                    ),
                  },
                ]
              : []),
            ...(c.reason
              ? [{ label: t('hub.contribution.reason'), value: <bdi>{c.reason}</bdi> }]
              : []),
          ]}
        />
      </section>

      <section className="section" aria-labelledby="contribution-counts">
        <h2 id="contribution-counts">{t('hub.contribution.counts')}</h2>
        <FactList
          facts={[
            {
              label: t('hub.contribution.considered'),
              value: formatCount(c.counts.considered, lang),
            },
            {
              label: t('hub.contribution.excluded'),
              value: formatCount(c.counts.excludedWithoutConsent, lang),
            },
            {
              label: t('hub.contribution.suppressed'),
              value: formatCount(c.counts.suppressed, lang),
            },
            { label: t('hub.contribution.rowsOut'), value: formatCount(c.counts.rows, lang) },
          ]}
        />
      </section>

      <div className="hub-pair">
        <section className="section" aria-labelledby="contribution-risk-before">
          <h2 id="contribution-risk-before">{t('hub.contribution.riskBefore')}</h2>
          <RiskFacts risk={c.riskBefore} k={c.k} />
        </section>
        <section className="section" aria-labelledby="contribution-risk">
          <h2 id="contribution-risk">{t('hub.contribution.riskAfter')}</h2>
          <RiskFacts risk={c.risk} k={c.k} />
        </section>
      </div>

      <section className="section" aria-labelledby="contribution-utility">
        <h2 id="contribution-utility">{t('hub.contribution.utility')}</h2>
        <UtilityFacts utility={c.utility} levels={c.utility.levels} />
      </section>

      <section className="section" aria-labelledby="contribution-rows">
        <h2 id="contribution-rows">{t('hub.contribution.rows')}</h2>
        <p className="muted">{t('hub.contribution.rowsHint')}</p>
        <RowsTable
          id="contribution-rows-table"
          caption={t('hub.contribution.rowsCaption', { n: c.rows.length })}
          columns={c.columns}
          rows={c.rows}
          empty={t('hub.contribution.noRows')}
        />
      </section>

      <ContributionActions c={c} onChange={onChange} />
    </>
  );
}
