import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../../shared/api/notify.schema.ts';
import { webhooksApi, type WebhookWithSecret } from '../../../api/notify-api.ts';
import { CheckboxGroup } from '../../../components/CheckboxGroup.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { errorMessage } from '../../../lib/error-message.ts';
import { fieldErrorsFrom } from '../../../lib/field-errors.ts';
import { webhookUrlError } from './webhook-errors.ts';

type EventType = Notification['type'];

// The schema's NOTIFY_EVENT_TYPES, repeated so that zod stays out of the bundle; the check
// below fails to compile when the schema gains a type this list lacks.
export const EVENT_TYPES = [
  'referral.sent',
  'referral.accepted',
  'referral.declined',
  'referral.started',
  'referral.completed',
  'referral.withdrawn',
  'referral.expired',
  'referral.message',
] as const;
type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

/** Adds an endpoint; the answer's secret goes to the parent, which shows it once. */
export function WebhookForm({ onCreated }: { onCreated: (w: WebhookWithSecret) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>([]);
  const [errors, setErrors] = useState<{ url?: string; description?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    if (!url.trim()) {
      setErrors({ url: t('fieldErrors.required') });
      document.getElementById('webhook-url')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await webhooksApi.create({
        url: url.trim(),
        ...(description.trim() && { description: description.trim() }),
        eventTypes: events,
      });
      setUrl('');
      setDescription('');
      setEvents([]);
      onCreated(created);
    } catch (err) {
      const urlError = webhookUrlError(t, err);
      const fields = fieldErrorsFrom(t, err);
      if (urlError || fields) {
        const found = { url: urlError ?? fields?.url, description: fields?.description };
        setErrors(found);
        document.getElementById(found.url ? 'webhook-url' : 'webhook-description')?.focus();
      } else setAlert(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">{t('webhooks.create.heading')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <TextField
          id="webhook-url"
          type="url"
          dir="ltr"
          required
          autoComplete="off"
          label={t('webhooks.fields.url')}
          hint={t('webhooks.fields.urlHint')}
          value={url}
          onValue={setUrl}
          error={errors.url}
        />
        <TextField
          id="webhook-description"
          dir="auto"
          autoComplete="off"
          label={t('webhooks.fields.description')}
          value={description}
          onValue={setDescription}
          error={errors.description}
        />
        <CheckboxGroup
          id="webhook-events"
          legend={t('webhooks.fields.events')}
          hint={t('webhooks.fields.eventsHint')}
          options={EVENT_TYPES}
          labelOf={(v) => t(`webhooks.event.${v}`)}
          selected={events}
          onChange={setEvents}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('webhooks.create.submit')}
        </button>
      </form>
    </section>
  );
}
