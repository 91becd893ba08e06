import { useTranslation } from 'react-i18next';
import type { ConsentOverview } from '../../../shared/api/consent.schema.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { ConsentWithdrawAction } from './ConsentWithdrawAction.tsx';
import { useConsentLabels } from './use-consent-labels.ts';

interface Props {
  overview: ConsentOverview;
  mayRecord: boolean;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

/** Today's answer per purpose (referral per service type): yes/no, and who recorded it, when, how. */
export function ConsentCurrentTable({ overview, mayRecord, onChanged, onError }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useConsentLabels();
  const byId = new Map(overview.history.map((r) => [r.id, r]));
  const anyReferral = overview.current.some((s) => s.purpose === 'referral' && s.allowed);
  const withdrawn = () => onChanged(t('consent.withdrawn'));
  return (
    <>
      <table className="stack-table consent-table">
        <caption className="visually-hidden">{t('consent.current')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consent.purposeColumn')}</th>
            <th scope="col">{t('consent.answerColumn')}</th>
            <th scope="col">{t('consent.detailsColumn')}</th>
            {mayRecord && (
              <th scope="col">
                <span className="visually-hidden">{t('consent.withdraw')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {overview.current.map((s) => {
            const subject = labels.subject(s.purpose, s.serviceType);
            const record = s.consentId ? byId.get(s.consentId) : undefined;
            return (
              <tr key={`${s.purpose}/${s.serviceType ?? ''}`}>
                <th scope="row" data-label={t('consent.purposeColumn')}>
                  {subject}
                </th>
                <td data-label={t('consent.answerColumn')}>
                  <span className={s.allowed ? 'consent-yes' : 'consent-no'}>
                    {s.allowed ? t('consent.allowed') : t('consent.notAllowed')}
                  </span>{' '}
                  ({labels.basis(s.basis)})
                  {s.expiresOn && (
                    <>
                      <br />
                      {t('consent.until', { date: formatDate(s.expiresOn, i18n.language) })}
                    </>
                  )}
                </td>
                <td data-label={t('consent.detailsColumn')}>
                  {record ? (
                    <>
                      <bdi>{record.recordedBy.displayName}</bdi>,{' '}
                      {formatDateTime(record.recordedAt, i18n.language)}
                      {record.method && <>, {labels.method(record.method)}</>}
                      {record.serviceType === null && s.purpose === 'referral' && (
                        <> ({t('consent.allServiceTypes')})</>
                      )}
                    </>
                  ) : (
                    t('common.notRecorded')
                  )}
                </td>
                {mayRecord && (
                  <td data-label={t('consent.withdraw')}>
                    {s.allowed && (
                      <ConsentWithdrawAction
                        caseId={overview.caseId}
                        purpose={s.purpose}
                        serviceType={s.serviceType}
                        subject={subject}
                        onDone={withdrawn}
                        onError={onError}
                      />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {mayRecord && anyReferral && (
        <p>
          <ConsentWithdrawAction
            caseId={overview.caseId}
            purpose="referral"
            serviceType={null}
            subject={labels.subject('referral', null)}
            label={t('consent.withdrawAllReferral')}
            onDone={withdrawn}
            onError={onError}
          />
        </p>
      )}
    </>
  );
}
