import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/policy/grants.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useUser } from '../../session/session-context.ts';
import { TaskAddForm } from './TaskAddForm.tsx';
import { TaskItem } from './TaskItem.tsx';

/** The case's tasks (open first, then by due date) and a form to add one. */
export function CaseTasks({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const mayWrite = can(role, 'task:write');
  const { state, reload } = useResource(`tasks/${caseId}`, () => caseworkApi.tasksOfCase(caseId));
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const changed = (message: string) => {
    setAlert(null);
    setStatus(message);
    reload();
    onChanged();
  };
  if (!can(role, 'task:read')) return null;
  return (
    <section aria-labelledby="case-tasks-heading" className="section">
      <h2 id="case-tasks-heading">{t('casework.ui.tasks')}</h2>
      <StatusMessage message={status} />
      <FormAlert message={alert} />
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p className="hint">{t('casePanels.tasks.empty')}</p>
        ) : (
          <ul className="case-log">
            {[...state.data.items]
              .sort(
                (a, b) =>
                  Number(a.status === 'done') - Number(b.status === 'done') ||
                  a.dueDate.localeCompare(b.dueDate),
              )
              .map((task) => (
                <TaskItem
                  key={task.id}
                  task={task}
                  mayWrite={mayWrite}
                  onChanged={changed}
                  onError={(m) => {
                    setStatus(null);
                    setAlert(m);
                  }}
                />
              ))}
          </ul>
        ))}
      {mayWrite && (
        <TaskAddForm caseId={caseId} onAdded={() => changed(t('casePanels.tasks.added'))} />
      )}
    </section>
  );
}
