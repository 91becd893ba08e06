import { useTranslation } from 'react-i18next';
import { caseRecordApi } from '../../api/case-record-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { RecordAssistance } from './RecordAssistance.tsx';
import { RecordEvents } from './RecordEvents.tsx';
import { RecordProfile } from './RecordProfile.tsx';

/**
 * The case record, read-only: profile, trafficking events, needs, plan, follow-ups. Parts the
 * role is not granted are named by the server in `withheld` and shown as such, never as empty.
 */
export function CaseRecordSections({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { state } = useResource(`record/${caseId}`, () => caseRecordApi.record(caseId));
  return (
    <section aria-labelledby="case-record-heading" className="section">
      <h2 id="case-record-heading">{t('casePanels.record.heading')}</h2>
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' && (
        <>
          <RecordProfile profile={state.data.profile} />
          <RecordEvents events={state.data.events} />
          <RecordAssistance
            needs={state.data.needs}
            plan={state.data.plan}
            followUps={state.data.followUps}
          />
          {state.data.withheld.length > 0 && (
            <>
              <h3>{t('casePanels.record.sensitive')}</h3>
              <ul>
                {state.data.withheld.map((s) => (
                  <li key={s}>
                    <strong>{t(`caseRecord.sections.${s}`)}</strong>
                    {': '}
                    {t('casePanels.record.withheldForRole')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
