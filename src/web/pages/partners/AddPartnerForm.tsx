import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseSafetyNumber } from '../../../shared/instances/safety-number.ts';
import { ApiError } from '../../api/client.ts';
import { instancesApi, type InstanceCard, type Partner } from '../../api/instances-api.ts';
import { FieldFrame } from '../../components/FieldFrame.tsx';
import { describedBy } from '../../components/field-ids.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorMessage } from '../../lib/error-message.ts';

type Errors = { file?: string; fingerprint?: string; name?: string };

/** Reads a card file; undefined when it is not one (the server checks it again, strictly). */
async function readCard(file: File): Promise<InstanceCard | undefined> {
  try {
    const v = JSON.parse(await file.text()) as Partial<InstanceCard> | null;
    return v?.format === 'lantern-instance-card' && typeof v.instanceId === 'string'
      ? (v as InstanceCard)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The first refused path of a 400, if any. */
const refusedPath = (e: unknown): string | undefined => {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return undefined;
  const first = e.details[0] as { path?: unknown } | undefined;
  return typeof first?.path === 'string' ? first.path : undefined;
};

/**
 * Adds a partner instance from its card file and the fingerprint its administrator read aloud
 * (docs/instances.md, "The key-exchange ceremony"): the digits are typed as heard, never copied
 * from the file, and the server refuses them unless they match the card's keys.
 */
export function AddPartnerForm({ onAdded }: { onAdded: (p: Partner) => void }) {
  const { t } = useTranslation();
  const [card, setCard] = useState<InstanceCard | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileKey, setFileKey] = useState(0);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setAlert(null);
    if (!file) {
      setCard(null);
      return;
    }
    const read = await readCard(file);
    setCard(read ?? null);
    setErrors(read ? {} : { file: t('partners.add.notACard') });
  };

  const fail = (found: Errors) => {
    setErrors(found);
    const first = found.file ? 'partner-card' : found.fingerprint ? 'partner-fingerprint' : null;
    if (first) document.getElementById(first)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    if (!card) return fail({ file: t('partners.add.cardRequired') });
    if (!normaliseSafetyNumber(fingerprint)) {
      return fail({ fingerprint: t('partners.add.fingerprintFormat') });
    }
    setErrors({});
    setBusy(true);
    try {
      const added = await instancesApi.addPartner({
        card,
        fingerprint,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      setCard(null);
      setFingerprint('');
      setName('');
      setFileKey((k) => k + 1);
      onAdded(added);
    } catch (err) {
      const path = refusedPath(err);
      if (path === 'fingerprint') fail({ fingerprint: t('partners.add.mismatch') });
      else if (path === 'card.fingerprint') fail({ file: t('partners.add.cardAltered') });
      else if (path === 'card.instanceId') fail({ file: t('partners.add.ownCard') });
      else if (path === 'name') fail({ name: t('fieldErrors.invalid') });
      else if (path?.startsWith('card')) fail({ file: t('partners.add.notACard') });
      else if (err instanceof ApiError && err.code === 'conflict') {
        setAlert(t('partners.add.already'));
      } else setAlert(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="add-partner-heading">
      <h2 id="add-partner-heading">{t('partners.add.heading')}</h2>
      <ol className="hint">
        <li>{t('partners.add.step1')}</li>
        <li>{t('partners.add.step2')}</li>
        <li>{t('partners.add.step3')}</li>
      </ol>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <FieldFrame
          id="partner-card"
          label={t('partners.add.card')}
          hint={t('partners.add.cardHint')}
          error={errors.file}
          required
        >
          <input
            key={fileKey}
            id="partner-card"
            name="partner-card"
            type="file"
            accept="application/json,.json"
            aria-required
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={describedBy('partner-card', t('partners.add.cardHint'), errors.file)}
            onChange={(e) => void choose(e)}
          />
        </FieldFrame>
        {card && (
          <p role="status">
            {t('partners.add.cardRead', { name: card.name })} <bdi dir="ltr">{card.instanceId}</bdi>
          </p>
        )}
        <TextField
          id="partner-fingerprint"
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          required
          label={t('partners.add.fingerprint')}
          hint={t('partners.add.fingerprintHint')}
          value={fingerprint}
          onValue={setFingerprint}
          error={errors.fingerprint}
        />
        <TextField
          id="partner-name"
          dir="auto"
          autoComplete="off"
          label={t('partners.add.name')}
          hint={t('partners.add.nameHint')}
          value={name}
          onValue={setName}
          error={errors.name}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('partners.add.submit')}
        </button>
      </form>
    </section>
  );
}
