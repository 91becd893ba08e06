import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/policy/grants.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useUser } from '../../session/session-context.ts';

/** Case notes, newest first (encrypted at rest; every read is audited), and a form to add one. */
export function CaseNotes({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { role } = useUser();
  const mayWrite = can(role, 'note:write');
  const { state, reload } = useResource(`notes/${caseId}`, () => caseworkApi.notes(caseId));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    setStatus(null);
    if (!text.trim()) {
      setError(t('fieldErrors.required'));
      document.getElementById('note-text')?.focus();
      return;
    }
    setBusy(true);
    try {
      await caseworkApi.addNote(caseId, { text });
      setText('');
      setError(undefined);
      setStatus(t('casePanels.notes.added'));
      reload();
      onChanged();
    } catch (e) {
      const fieldError = fieldErrorsFrom(t, e)?.text;
      if (fieldError) setError(fieldError);
      else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (!can(role, 'note:read')) return null;
  return (
    <section aria-labelledby="case-notes-heading" className="section">
      <h2 id="case-notes-heading">{t('casework.ui.notes')}</h2>
      <p className="hint">{t('casework.ui.notesHint')}</p>
      {mayWrite && (
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <FormAlert message={alert} />
          <TextAreaField
            id="note-text"
            label={t('casePanels.notes.note')}
            value={text}
            onValue={setText}
            error={error}
            maxLength={10_000}
            rows={4}
            required
          />
          <div className="actions">
            <button type="submit" className="button button--secondary" disabled={busy}>
              {busy ? t('common.saving') : t('casework.ui.addNote')}
            </button>
            <StatusMessage message={status} />
          </div>
        </form>
      )}
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p className="hint">{t('casePanels.notes.empty')}</p>
        ) : (
          <ol className="case-log">
            {[...state.data.items]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((n) => (
                <li key={n.id}>
                  <p className="case-log__meta">
                    {t('casePanels.notes.byOn', {
                      name: n.author.displayName,
                      date: formatDateTime(n.createdAt, i18n.language),
                    })}
                  </p>
                  <p className="case-log__text" dir="auto">
                    {n.text}
                  </p>
                </li>
              ))}
          </ol>
        ))}
    </section>
  );
}
