import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../../shared/casework/lifecycle.ts';
import { can } from '../../../shared/policy/grants.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FactList } from '../../components/FactList.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { useUser } from '../../session/session-context.ts';
import type { Task } from '../../../shared/api/casework.schema.ts';
import { TaskItem } from './TaskItem.tsx';
import './case-page.css';

/** /caseload: the signed-in user's cases by stage, their open and overdue tasks. */
export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const { role } = useUser();
  const { state, reload } = useResource('caseload', () => caseworkApi.caseload());
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const mayWrite = can(role, 'task:write');
  const changed = (message: string) => {
    setAlert(null);
    setStatus(message);
    reload();
  };
  const failed = (message: string) => {
    setStatus(null);
    setAlert(message);
  };
  const taskList = (tasks: readonly Task[]) => (
    <ul className="case-log">
      {tasks.map((task) => (
        <TaskItem
          key={task.id}
          task={task}
          mayWrite={mayWrite}
          showCase
          onChanged={changed}
          onError={failed}
        />
      ))}
    </ul>
  );

  return (
    <>
      <PageHeading title={t('casework.ui.caseload')} />
      <StatusMessage message={status} />
      <FormAlert message={alert} />
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="caseload-stages-heading" className="section">
            <h2 id="caseload-stages-heading">{t('casePanels.caseload.byStage')}</h2>
            <FactList
              facts={STAGES.map((s) => ({
                label: t(`casework.stage.${s}`),
                value: state.data.byStage[s].toLocaleString(i18n.language),
              }))}
            />
          </section>
          <section aria-labelledby="caseload-overdue-heading" className="section">
            <h2 id="caseload-overdue-heading">{t('casework.ui.overdueTasks')}</h2>
            <p className="hint">
              {t('casePanels.caseload.asOf', {
                date: formatDate(state.data.today, i18n.language),
              })}
            </p>
            {state.data.overdueTasks.length === 0 ? (
              <p className="hint">{t('casePanels.caseload.noOverdue')}</p>
            ) : (
              taskList(state.data.overdueTasks)
            )}
          </section>
          <section aria-labelledby="caseload-tasks-heading" className="section">
            <h2 id="caseload-tasks-heading">{t('casework.ui.openTasks')}</h2>
            {state.data.openTasks.length === 0 ? (
              <p className="hint">{t('casePanels.caseload.noTasks')}</p>
            ) : (
              taskList(state.data.openTasks)
            )}
          </section>
          <section aria-labelledby="caseload-cases-heading" className="section">
            <h2 id="caseload-cases-heading">{t('casework.ui.openCases')}</h2>
            {state.data.cases.length === 0 ? (
              <p className="hint">{t('casePanels.caseload.noCases')}</p>
            ) : (
              <table className="stack-table">
                <thead>
                  <tr>
                    <th scope="col">{t('casePanels.caseload.case')}</th>
                    <th scope="col">{t('casework.ui.stage')}</th>
                    <th scope="col">{t('cases.fields.traffickingStatus')}</th>
                    <th scope="col">{t('casework.ui.openTasks')}</th>
                    <th scope="col">{t('casework.ui.overdueTasks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...state.data.cases]
                    .sort(
                      (a, b) =>
                        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
                        a.reference.localeCompare(b.reference),
                    )
                    .map((c) => (
                      <tr key={c.id} className={c.overdueTasks > 0 ? 'task--overdue' : undefined}>
                        <th scope="row" data-label={t('casePanels.caseload.case')}>
                          <Link
                            to={`/cases/${encodeURIComponent(c.id)}`}
                            aria-label={t('casePanels.caseload.caseOf', { reference: c.reference })}
                          >
                            <bdi dir="ltr">{c.reference}</bdi>
                          </Link>
                        </th>
                        <td data-label={t('casework.ui.stage')}>
                          {t(`casework.stage.${c.stage}`)}
                        </td>
                        <td data-label={t('cases.fields.traffickingStatus')}>
                          {labels.traffickingStatus(c.traffickingStatus)}
                        </td>
                        <td data-label={t('casework.ui.openTasks')}>{c.openTasks}</td>
                        <td data-label={t('casework.ui.overdueTasks')}>{c.overdueTasks}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}
