import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralEvent } from '../../../shared/api/referrals.schema.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { fieldErrorsFrom } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { referralFailure } from './referral-errors.ts';

interface Props {
  referralId: string;
  /** The referral's history: messages are its `message` events. */
  events: readonly ReferralEvent[];
  /** Withdrawn or with its key erased: nothing more can be written. */
  closed: boolean;
  onPosted: () => void;
}

/** The thread between the sender and the provider, oldest first, and a box to add to it. */
export function ReferralMessages({ referralId, events, closed, onPosted }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messages = events.filter((e) => e.action === 'message');

  const post = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(t('fieldErrors.required'));
      document.getElementById('referral-message-text')?.focus();
      return;
    }
    setBusy(true);
    try {
      await referralsApi.message(referralId, text);
      setText('');
      setError(undefined);
      setAlert(null);
      onPosted();
    } catch (e) {
      const fields = fieldErrorsFrom(t, e);
      setError(fields?.text);
      setAlert(fields?.text ? null : referralFailure(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="referral-messages-heading" className="section">
      <h2 id="referral-messages-heading">{t('referrals.messages.heading')}</h2>
      {messages.length === 0 ? (
        <p className="hint">{t('referrals.messages.empty')}</p>
      ) : (
        <ol className="case-log">
          {messages.map((m, i) => (
            <li key={m.id ?? i}>
              <p className="case-log__meta">
                {m.actorName ? <bdi>{m.actorName}</bdi> : t('referrals.detail.byLantern')}
                {' · '}
                {t(
                  m.side === 'receiver'
                    ? 'referrals.messages.provider'
                    : 'referrals.messages.sender',
                )}
                {' · '}
                <time dateTime={m.at}>{formatDateTime(m.at, i18n.language)}</time>
              </p>
              {m.note !== null ? (
                <p className="case-log__text" dir="auto">
                  {m.note}
                </p>
              ) : (
                <p className="hint">{t('referrals.detail.noteWithheld')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {!closed && (
        <form className="form" noValidate onSubmit={(e) => void post(e)}>
          <FormAlert message={alert} />
          <TextAreaField
            id="referral-message-text"
            label={t('referrals.messages.new')}
            hint={t('referrals.messages.hint')}
            value={text}
            onValue={setText}
            error={error}
            maxLength={4000}
            required
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('common.saving') : t('referrals.messages.send')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
