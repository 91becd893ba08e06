import { useTranslation } from 'react-i18next';
import { screeningsApi } from '../../api/screenings-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { InstrumentText } from './instrument-text.tsx';

/**
 * The case page's screenings: a link to start one, and each screening with its state — drafts
 * open where they were left, completed ones show their outcome.
 */
export function CaseScreenings({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useResource(`screenings/${caseId}`, () =>
    Promise.all([screeningsApi.list(caseId), screeningsApi.instruments()]),
  );
  const base = `/cases/${encodeURIComponent(caseId)}/screenings`;
  return (
    <section aria-labelledby="case-screenings-heading" className="section">
      <h2 id="case-screenings-heading">{t('screening.section.heading')}</h2>
      <p>
        <Link to={`${base}/new`} className="button button--secondary">
          {t('screening.section.start')}
        </Link>
      </p>
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' &&
        (state.data[0].items.length === 0 ? (
          <p className="hint">{t('screening.section.empty')}</p>
        ) : (
          <ul className="screening-list">
            {state.data[0].items.map((s) => {
              const instrument = state.data[1].items.find((i) => i.id === s.instrumentId);
              const draft = s.status === 'draft';
              return (
                <li key={s.id}>
                  <Link to={`${base}/${s.id}`}>
                    {instrument ? <InstrumentText text={instrument.title} /> : s.instrumentId}
                  </Link>
                  <span className="screening-list__state">
                    {draft
                      ? t('screening.section.draft', {
                          date: formatDateTime(s.updatedAt, i18n.language),
                        })
                      : t('screening.section.completed', {
                          date: formatDateTime(s.completedAt ?? s.updatedAt, i18n.language),
                        })}
                    {s.determination && ` · ${t(`screening.determination.${s.determination}`)}`}
                  </span>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}
