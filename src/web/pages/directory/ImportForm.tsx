import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryApi } from '../../api/directory-api.ts';
import { CsvFileField } from '../../components/CsvFileField.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { importProblems, type ImportProblem } from './directory-errors.ts';

/** Largest file sent (the API refuses more than 5 MiB). */
const MAX_BYTES = 5 * 1024 * 1024;

/** The file's bytes as base64, in chunks (a 5 MiB file would overflow one spread call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** CSV import: all rows or none; the rows refused are listed with their column and reason. */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAlert(null);
    setProblems(null);
    setStatus(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t('directory.import.chooseFile'));
      input.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t('directory.import.tooLarge'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await directoryApi.importCsv(await base64Of(file));
      if (result.errors.length > 0) {
        setProblems(result.errors);
        setAlert(t('directory.import.refused', { count: result.errors.length }));
      } else {
        setStatus(t('directory.import.done', { count: result.imported }));
        if (input.current) input.current.value = '';
        onImported();
      }
    } catch (e) {
      const rows = importProblems(t, e);
      if (rows) {
        setProblems(rows);
        setAlert(t('directory.import.refused', { count: rows.length }));
      } else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert message={alert} />
      <CsvFileField
        id="directory-import-file"
        label={t('directory.import.file')}
        hint={t('directory.import.hint')}
        error={error}
        inputRef={input}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('directory.import.submit')}
        </button>
        <StatusMessage message={status} />
      </div>
      {problems && (
        <table className="stack-table">
          <caption className="directory__caption">{t('directory.import.problems')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.import.row')}</th>
              <th scope="col">{t('directory.import.column')}</th>
              <th scope="col">{t('directory.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td data-label={t('directory.import.row')}>{p.row}</td>
                <td data-label={t('directory.import.column')}>
                  {p.column ? <code dir="ltr">{p.column}</code> : t('directory.import.wholeRow')}
                </td>
                <td data-label={t('directory.import.problem')}>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
