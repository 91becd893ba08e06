import { useTranslation } from 'react-i18next';
import type { TraffickingEvent } from '../../../shared/api/case-record.schema.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatDate } from '../../lib/format.ts';
import { useRecordLabels } from './use-record-labels.ts';

/** Trafficking events (HTCDS hte_): recruitment, transit, exploitation; where and when. */
export function RecordEvents({ events }: { events: readonly TraffickingEvent[] }) {
  const { t, i18n } = useTranslation();
  const l = useRecordLabels();
  const country = useCountryName();
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : '…');
  return (
    <>
      <h3>{t('casePanels.record.events')}</h3>
      {events.length === 0 ? (
        <p className="hint">{t('casePanels.record.empty')}</p>
      ) : (
        <ol className="case-log">
          {events.map((e) => {
            const place = [e.city, e.state, e.country ? country(e.country) : null].filter(Boolean);
            return (
              <li key={e.id}>
                <p className="case-log__title">
                  <strong>{l.one('eventType', e.type)}</strong>
                  {place.length > 0 && (
                    <>
                      {' · '}
                      <bdi>{place.join(t('common.listSeparator'))}</bdi>
                    </>
                  )}
                </p>
                {(e.date || e.endDate) && (
                  <p className="case-log__meta">
                    {e.endDate ? `${date(e.date)} – ${date(e.endDate)}` : date(e.date)}
                  </p>
                )}
                {e.description && (
                  <p className="case-log__text" dir="auto">
                    {e.description}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
