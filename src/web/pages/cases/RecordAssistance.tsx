import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../shared/api/case-record.schema.ts';
import { FactList } from '../../components/FactList.tsx';
import { formatDate } from '../../lib/format.ts';
import { useRecordLabels } from './use-record-labels.ts';

type Props = Pick<CaseRecord, 'needs' | 'plan' | 'followUps'>;

/** Needs, the assistance plan with its services, and follow-ups (HTCDS spl_ and Lantern). */
export function RecordAssistance({ needs, plan, followUps }: Props) {
  const { t, i18n } = useTranslation();
  const l = useRecordLabels();
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : t('common.notRecorded'));
  const empty = <p className="hint">{t('casePanels.record.empty')}</p>;
  return (
    <>
      <h3>{t('casePanels.record.needs')}</h3>
      {needs.length === 0 ? (
        empty
      ) : (
        <ul className="case-log">
          {needs.map((n) => (
            <li key={n.id}>
              <p className="case-log__title">
                <strong>{l.one('supportType', n.type)}</strong> · {l.one('needStatus', n.status)}
              </p>
              <p className="case-log__meta">
                {t('casePanels.record.identifiedOn', { date: date(n.identifiedOn) })}
              </p>
              {n.details && (
                <p className="case-log__text" dir="auto">
                  {n.details}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('casePanels.record.plan')}</h3>
      {plan === null ? (
        empty
      ) : (
        <>
          <FactList
            facts={[
              {
                label: t('casePanels.record.fields.objectives'),
                value: plan.objectives ? <bdi>{plan.objectives}</bdi> : t('common.notRecorded'),
              },
              { label: t('casePanels.record.fields.startDate'), value: date(plan.startDate) },
              {
                label: t('casePanels.record.fields.plannedEndDate'),
                value: date(plan.plannedEndDate),
              },
            ]}
          />
          {plan.services.length > 0 && (
            <ul className="case-log">
              {plan.services.map((s, i) => (
                <li key={i}>
                  <p className="case-log__title">
                    <strong>{l.one('supportType', s.type)}</strong> ·{' '}
                    {l.one('serviceStatus', s.status)}
                    {s.provider && (
                      <>
                        {' · '}
                        <bdi>{s.provider}</bdi>
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>{t('casePanels.record.followUps')}</h3>
      {followUps.length === 0 ? (
        empty
      ) : (
        <ol className="case-log">
          {followUps.map((f) => (
            <li key={f.id}>
              <p className="case-log__meta">{date(f.date)}</p>
              <p className="case-log__text" dir="auto">
                {f.notes}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
