import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/api/casework.schema.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';

interface Props {
  task: Task;
  /** False where the user may only read tasks. */
  mayWrite: boolean;
  /** Shows the case number as a link (on the caseload, not on the case page). */
  showCase?: boolean;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

/** One task: title, due date (overdue flagged in words, not only colour), done / reopen. */
export function TaskItem({ task, mayWrite, showCase = false, onChanged, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const done = task.status === 'done';

  const toggle = async () => {
    setBusy(true);
    try {
      await caseworkApi.updateTask(task.id, { status: done ? 'open' : 'done' });
      onChanged(t('casePanels.tasks.updated'));
    } catch (e) {
      onError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const classes = ['task', task.overdue ? 'task--overdue' : '', done ? 'task--done' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes}>
      <p className="case-log__title">
        {task.overdue && <span className="task__flag">{t('casework.ui.overdue')}: </span>}
        <bdi>{task.title}</bdi>
      </p>
      <p className="case-log__meta">
        {showCase && (
          <>
            <Link to={`/cases/${encodeURIComponent(task.caseId)}`}>
              <bdi dir="ltr">{task.caseReference}</bdi>
            </Link>
            {' · '}
          </>
        )}
        {t('casePanels.tasks.dueOn', { date: formatDate(task.dueDate, i18n.language) })}
        {' · '}
        {t('casePanels.tasks.assignedTo', { name: task.assignee.displayName })}
        {done &&
          task.doneAt &&
          ` · ${t('casePanels.tasks.doneOn', { date: formatDateTime(task.doneAt, i18n.language) })}`}
      </p>
      {mayWrite && (
        <p className="row-actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            aria-label={
              done
                ? t('casePanels.tasks.reopenOf', { title: task.title })
                : t('casePanels.tasks.markDoneOf', { title: task.title })
            }
            onClick={() => void toggle()}
          >
            {done ? t('casework.ui.reopenTask') : t('casework.ui.markDone')}
          </button>
        </p>
      )}
    </li>
  );
}
