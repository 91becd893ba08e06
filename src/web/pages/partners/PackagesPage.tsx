import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { instancesApi, type PackageImportResult } from '../../api/instances-api.ts';
import { describedBy } from '../../components/field-ids.ts';
import { FieldFrame } from '../../components/FieldFrame.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Link } from '../../router/Link.tsx';
import { refusalMessage } from './package-refusal.ts';
import './partners.css';

/** Where the imported referral is seen: the inbox for what this organisation received. */
const linkOf = (r: PackageImportResult) =>
  r.kind === 'reply'
    ? `/referrals/${encodeURIComponent(r.referralId)}`
    : `/referrals/inbox/${encodeURIComponent(r.referralId)}`;

/** What the import did, in words. */
function ImportOutcome({ result }: { result: PackageImportResult }) {
  const { t } = useTranslation();
  const status = t(`referrals.status.${result.status as 'sent'}`);
  const text =
    result.kind === 'referral'
      ? t('packages.import.referral', { reference: result.reference })
      : result.kind === 'reply'
        ? result.applied.length > 0
          ? t('packages.import.reply', { reference: result.reference, status })
          : t('packages.import.nothingNew', { reference: result.reference, status })
        : result.applied.length > 0
          ? t('packages.import.withdrawal', { reference: result.reference })
          : t('packages.import.nothingNew', { reference: result.reference, status });
  return (
    <div className="package-result">
      <p className="status">{text}</p>
      <p>
        <Link to={linkOf(result)}>
          {t('packages.import.open', { reference: result.reference })}
        </Link>
      </p>
    </div>
  );
}

/**
 * /referrals/packages (referral:package): imports a sealed package from a partner instance — a
 * referral into the inbox, an answer to a referral sent there, or a withdrawal — and says what
 * happened, or exactly why the file was refused (docs/instances.md, "Opening: the checks").
 */
export function PackagesPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<PackageImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileKey, setFileKey] = useState(0);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    setFile(e.target.files?.[0] ?? null);
    setFileError(undefined);
    setRefusal(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    setResult(null);
    if (!file) {
      setFileError(t('packages.import.fileRequired'));
      document.getElementById('package-file')?.focus();
      return;
    }
    setBusy(true);
    try {
      const json: unknown = JSON.parse(await file.text());
      setResult(await instancesApi.importPackage(json));
      setFile(null);
      setFileKey((k) => k + 1);
    } catch (err) {
      setRefusal(refusalMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  const hint = t('packages.import.fileHint');
  return (
    <>
      <PageHeading title={t('packages.title')} />
      <p className="hint">{t('packages.intro')}</p>
      <section className="section" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('packages.import.heading')}</h2>
        <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={refusal && t('packages.import.refused', { reason: refusal })} />
          <FieldFrame
            id="package-file"
            label={t('packages.import.file')}
            hint={hint}
            error={fileError}
            required
          >
            <input
              key={fileKey}
              id="package-file"
              name="package-file"
              type="file"
              accept="application/json,.json"
              aria-required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={describedBy('package-file', hint, fileError)}
              onChange={choose}
            />
          </FieldFrame>
          <button type="submit" className="button" disabled={busy}>
            {t('packages.import.submit')}
          </button>
        </form>
        <div role="status">{result && <ImportOutcome result={result} />}</div>
      </section>
    </>
  );
}
