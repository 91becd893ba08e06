import { useTranslation } from 'react-i18next';
import type { ConsentRecord } from '../../../shared/api/consent.schema.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useConsentLabels } from './use-consent-labels.ts';

/** Every grant and withdrawal, newest first, with who, when and how. */
export function ConsentHistory({ history }: { history: readonly ConsentRecord[] }) {
  const { t, i18n } = useTranslation();
  const labels = useConsentLabels();
  if (history.length === 0) return <p className="hint">{t('consent.historyEmpty')}</p>;
  return (
    <ol className="case-log">
      {history.map((r) => (
        <li key={r.id}>
          <p className="case-log__title">
            <strong>{r.granted ? t('consent.entryGranted') : t('consent.entryWithdrawn')}</strong>
            {': '}
            {labels.subject(r.purpose, r.serviceType)}
            {r.method && <> ({labels.method(r.method)})</>}
          </p>
          <p className="case-log__meta">
            {t('consent.byOn', {
              name: r.recordedBy.displayName,
              date: formatDateTime(r.recordedAt, i18n.language),
            })}
          </p>
          {r.guardian && (
            <p>
              {t('consent.guardianEntry', {
                relationship: labels.relationship(r.guardian.relationship),
                name: r.guardian.name,
              })}
            </p>
          )}
          {r.childAssent && (
            <p>{t('consent.assentEntry', { assent: labels.assent(r.childAssent) })}</p>
          )}
          {r.expiresOn && (
            <p>{t('consent.until', { date: formatDate(r.expiresOn, i18n.language) })}</p>
          )}
          {r.note && (
            <p className="case-log__text" dir="auto">
              {r.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
