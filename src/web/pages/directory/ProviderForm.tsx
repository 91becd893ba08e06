import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider, ProviderCreateInput } from '../../../shared/api/directory.schema.ts';
import { directoryApi } from '../../api/directory-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { focusFirstInvalid, type FieldErrors } from '../../lib/field-errors.ts';
import { useUser } from '../../session/session-context.ts';
import { directoryFieldErrors } from './directory-errors.ts';
import { EMAIL, FREE_TEXT, PHONE, WEB_ADDRESS } from './input-kinds.ts';

const FIELDS = ['name', 'description', 'phone', 'email', 'website', 'receives'] as const;
type Draft = Record<Exclude<(typeof FIELDS)[number], 'receives'>, string> & { receives: boolean };

const draftOf = (p: Provider | null): Draft => ({
  name: p?.name ?? '',
  description: p?.description ?? '',
  phone: p?.phone ?? '',
  email: p?.email ?? '',
  website: p?.website ?? '',
  // A new listing is usually the organisation's own service: its inbox receives the referrals.
  receives: p === null ? true : p.providerOrgId !== null,
});

interface Props {
  /** The provider to edit; null adds one. */
  provider: Provider | null;
  onSaved: (provider: Provider) => void;
  onCancel?: () => void;
}

/** Adds or edits a provider listed by the user's organisation. */
export function ProviderForm({ provider, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const prefix = provider ? `provider-${provider.id}-` : 'new-provider-';
  const [draft, setDraft] = useState<Draft>(() => draftOf(provider));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const fail = (found: FieldErrors) => {
    setErrors(found);
    focusFirstInvalid(found, FIELDS, prefix);
  };
  const optional = (v: string) => (v.trim() === '' ? null : v.trim());

  // An external provider keeps no receiving organisation; a provider that another organisation
  // receives keeps it (only the listing organisation edits, never reassigning it silently).
  const receiver = () =>
    !draft.receives
      ? null
      : provider?.providerOrgId && provider.providerOrgId !== user.orgId
        ? provider.providerOrgId
        : user.orgId;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    if (!draft.name.trim()) return fail({ name: t('fieldErrors.required') });
    setErrors({});
    setBusy(true);
    const body: ProviderCreateInput = {
      name: draft.name.trim(),
      description: optional(draft.description),
      phone: optional(draft.phone),
      email: optional(draft.email),
      website: optional(draft.website),
      providerOrgId: receiver(),
    };
    try {
      onSaved(
        provider
          ? await directoryApi.updateProvider(provider.id, body)
          : await directoryApi.createProvider(body),
      );
    } catch (e) {
      const fields = directoryFieldErrors(t, e, (p) => (p === 'providerOrgId' ? 'receives' : p));
      if (fields) fail(fields);
      else setAlert(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: Exclude<keyof Draft, 'receives'>) => ({
    id: `${prefix}${key}`,
    value: draft[key],
    onValue: set(key),
    error: errors[key],
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert message={alert} />
      <TextField {...text('name')} required {...FREE_TEXT} label={t('directory.provider.name')} />
      <TextAreaField {...text('description')} label={t('directory.provider.description')} />
      <TextField {...text('phone')} {...PHONE} label={t('directory.provider.phone')} />
      <TextField {...text('email')} {...EMAIL} label={t('directory.provider.email')} />
      <TextField
        {...text('website')}
        {...WEB_ADDRESS}
        label={t('directory.provider.website')}
        hint={t('directory.provider.websiteHint')}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          id={`${prefix}receives`}
          checked={draft.receives}
          onChange={(e) => setDraft((d) => ({ ...d, receives: e.target.checked }))}
          aria-describedby={`${prefix}receives-hint`}
        />
        <span>{t('directory.provider.receives')}</span>
      </label>
      <p id={`${prefix}receives-hint`} className="field__hint">
        {errors.receives ?? t('directory.provider.receivesHint')}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {provider ? t('directory.provider.save') : t('directory.provider.add')}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
