import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publication, PublicationParameters } from '../../../shared/api/hub.schema.ts';
import { hubApi } from '../../api/hub-api.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Link } from '../../router/Link.tsx';
import { engineIssues, hubFieldErrors, refusalOf, type Refusal } from './hub-errors.ts';
import { RefusalPanel } from './RefusalPanel.tsx';

interface Props {
  parameters: PublicationParameters;
  /** Sources whose privacy budget this release would exceed (it is refused: said up front). */
  overBudget: readonly string[];
}

/** After the report: name the publication, create the draft (with its report), then release it. */
export function PublishForm({ parameters, overBudget }: Props) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [alert, setAlert] = useState<Refusal | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<Publication | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    if (!title.trim()) {
      setTitleError(t('fieldErrors.required'));
      document.getElementById('publication-title')?.focus();
      return;
    }
    setTitleError(undefined);
    setBusy(true);
    try {
      const text = description.trim();
      const draft = await hubApi.create({
        title: title.trim(),
        ...(text ? { description: text } : {}),
        parameters,
      });
      setCreated(draft);
      setStatus(t('hub.publish.created'));
    } catch (e) {
      const fields = engineIssues(e) ? null : hubFieldErrors(t, e);
      if (fields?.title) {
        setTitleError(fields.title);
        document.getElementById('publication-title')?.focus();
      } else if (fields) {
        // The parameters were checked by the report; what changed since is said here.
        setAlert({ message: Object.values(fields).join(' '), detail: null });
      } else setAlert(refusalOf(t, i18n.language, e));
    } finally {
      setBusy(false);
    }
  };

  const release = async () => {
    if (!created) return;
    setAlert(null);
    setBusy(true);
    try {
      setCreated(await hubApi.release(created.id));
      setStatus(t('hub.publish.releasedNow'));
    } catch (e) {
      setAlert(refusalOf(t, i18n.language, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('hub.publish.heading')}</h2>
      <RefusalPanel refusal={alert} />
      {overBudget.length > 0 && (
        <p className="panel panel--notice">
          {t('hub.publish.overBudget', { sources: overBudget.join(t('common.listSeparator')) })}
        </p>
      )}
      {created === null ? (
        <form className="form form--wide" noValidate onSubmit={(e) => void create(e)}>
          <TextField
            id="publication-title"
            label={t('hub.publish.title')}
            hint={t('hub.publish.titleHint')}
            value={title}
            onValue={setTitle}
            maxLength={200}
            required
            error={titleError}
          />
          <TextAreaField
            id="publication-description"
            label={t('hub.publish.description')}
            hint={t('hub.publish.descriptionHint')}
            value={description}
            onValue={setDescription}
            maxLength={4000}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy || overBudget.length > 0}>
              {t('hub.publish.create')}
            </button>
          </div>
        </form>
      ) : created.status === 'draft' ? (
        <div className="actions">
          <p className="hint">{t('hub.publish.releaseHint')}</p>
          <button type="button" className="button" disabled={busy} onClick={() => void release()}>
            {t('hub.publish.release')}
          </button>
          <Link to="/hub/publications">{t('hub.publish.later')}</Link>
        </div>
      ) : (
        <p>
          <Link to={`/data/${encodeURIComponent(created.id)}`}>{t('hub.publish.seePublic')}</Link>
        </p>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
