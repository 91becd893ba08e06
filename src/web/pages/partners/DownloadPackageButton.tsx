import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fileNamePart,
  instancesApi,
  saveJsonFile,
  type PackageKind,
} from '../../api/instances-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { refusalMessage } from './package-refusal.ts';
import './partners.css';

interface Props {
  referralId: string;
  /**
   * `referral`: the sender's package of a sent referral; `reply`: the receiver's answers;
   * `withdrawal`: the sender's withdrawal, which the partner must import to erase its copy.
   */
  kind: PackageKind;
  /** The referral's reference, for the file's name (never a person's name). */
  reference?: string | undefined;
}

/**
 * Downloads a sealed package of a referral for a partner Lantern instance. Each click makes a
 * new package (audited by the server); a refusal is said in words, never as a file.
 */
export function DownloadPackageButton({ referralId, kind, reference }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setAlert(null);
    setStatus(null);
    try {
      const pkg = await instancesApi.exportPackage(referralId, kind);
      saveJsonFile(`${fileNamePart(reference ?? 'referral')}.${kind}.lantern.json`, pkg);
      setStatus(t('packages.download.done'));
    } catch (e) {
      setAlert(refusalMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="package-download">
      <p className="hint">{t(`packages.download.hint.${kind}`)}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void download()}
      >
        {t(`packages.download.button.${kind}`)}
      </button>
      <FormAlert message={alert} />
      <StatusMessage message={status} />
    </div>
  );
}
