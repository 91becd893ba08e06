import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/policy/grants.ts';
import { consentApi } from '../../api/consent-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useUser } from '../../session/session-context.ts';
import { ConsentCurrentTable } from './ConsentCurrentTable.tsx';
import { ConsentGrantForm } from './ConsentGrantForm.tsx';
import { ConsentHistory } from './ConsentHistory.tsx';
import './case-page.css';

/** The case page's consent section: today's answer per purpose, recording and withdrawing. */
export function ConsentPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const mayRecord = can(role, 'consent:record');
  const { state, reload } = useResource(`consent/${caseId}`, () => consentApi.overview(caseId));
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const changed = (message: string) => {
    setAlert(null);
    setStatus(message);
    reload();
  };
  if (!can(role, 'consent:read')) return null;
  return (
    <section aria-labelledby="case-consent-heading" className="section">
      <h2 id="case-consent-heading">{t('consent.heading')}</h2>
      <StatusMessage message={status} />
      <FormAlert message={alert} />
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' && (
        <>
          <h3>{t('consent.current')}</h3>
          <ConsentCurrentTable
            overview={state.data}
            mayRecord={mayRecord}
            onChanged={changed}
            onError={(m) => {
              setStatus(null);
              setAlert(m);
            }}
          />
          {mayRecord && (
            <ConsentGrantForm
              caseId={caseId}
              personIsChild={state.data.personIsChild}
              onRecorded={() => changed(t('consent.recorded'))}
            />
          )}
          <details className="case-details">
            <summary>{t('consent.history')}</summary>
            <ConsentHistory history={state.data.history} />
          </details>
        </>
      )}
    </section>
  );
}
