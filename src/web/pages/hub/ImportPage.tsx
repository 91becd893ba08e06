import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HUB_IMPORT_MAX_BYTES } from '../../../shared/api/hub.schema.ts';
import { hubApi } from '../../api/hub-api.ts';
import { CsvFileField } from '../../components/CsvFileField.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { hubFieldErrors, importFaults, refusalMessage, type ImportFault } from './hub-errors.ts';
import { formatCount } from './hub-format.ts';
import { SourcesTable } from './SourcesTable.tsx';

/** The file's bytes as base64, in chunks (one spread call would overflow on a large file). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * /hub/import (hub:import): a CTDC CSV file (global or synthetic layout) into the hub store as
 * one source. All rows or none: a refused file lists each fault by row and column.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const sources = useResource('hub/sources', () => hubApi.sources());
  const input = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [faults, setFaults] = useState<ImportFault[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    setFaults(null);
    setStatus(null);
    setLabelError(undefined);
    setFileError(null);
    const file = input.current?.files?.[0];
    if (!label.trim()) {
      setLabelError(t('fieldErrors.required'));
      document.getElementById('hub-import-label')?.focus();
      return;
    }
    if (!file || file.size > HUB_IMPORT_MAX_BYTES) {
      setFileError(file ? t('hub.import.tooLarge') : t('hub.import.chooseFile'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await hubApi.importCtdc(label.trim(), await base64Of(file));
      setStatus(
        t('hub.import.done', {
          rows: formatCount(result.imported, i18n.language),
          layout: t(`hub.layout.${result.source.layout}`),
        }),
      );
      setLabel('');
      if (input.current) input.current.value = '';
      sources.reload();
    } catch (e) {
      const found = importFaults(e);
      if (found) {
        setFaults(found);
        setAlert(t('hub.import.refused', { n: found.length }));
      } else {
        const fields = hubFieldErrors(t, e);
        if (fields?.label) {
          setLabelError(fields.label);
          document.getElementById('hub-import-label')?.focus();
        } else setAlert(refusalMessage(t, i18n.language, e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('hub.import.title')} />
      <p className="hint">{t('hub.import.intro')}</p>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <TextField
          id="hub-import-label"
          label={t('hub.import.label')}
          hint={t('hub.import.labelHint')}
          value={label}
          onValue={setLabel}
          maxLength={200}
          required
          error={labelError}
        />
        <CsvFileField
          id="hub-import-file"
          label={t('hub.import.file')}
          hint={t('hub.import.hint')}
          error={fileError}
          inputRef={input}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('hub.import.importing') : t('hub.import.submit')}
          </button>
          <StatusMessage message={status} />
        </div>
        {faults && <FaultTable faults={faults} />}
      </form>
      <section className="section" aria-labelledby="hub-sources">
        <h2 id="hub-sources">{t('hub.sources.title')}</h2>
        <SourcesTable state={sources.state} />
      </section>
      <p>
        <Link to="/hub/publications">{t('hub.backToHub')}</Link>
      </p>
    </>
  );
}

function FaultTable({ faults }: { faults: readonly ImportFault[] }) {
  const { t } = useTranslation();
  return (
    <table className="stack-table">
      <caption className="hub-caption">{t('hub.import.problems')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hub.import.row')}</th>
          <th scope="col">{t('hub.import.column')}</th>
          <th scope="col">{t('hub.import.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {faults.map((f, i) => (
          <tr key={i}>
            <td data-label={t('hub.import.row')}>{f.row ?? t('hub.import.wholeFile')}</td>
            <td data-label={t('hub.import.column')}>
              {f.column ? <code dir="ltr">{f.column}</code> : t('hub.import.wholeRow')}
            </td>
            <td data-label={t('hub.import.problem')}>
              {/* The validator's words name CTDC codes, which are English in the standard. */}
              <span lang="en" dir="ltr">
                {f.detail}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
