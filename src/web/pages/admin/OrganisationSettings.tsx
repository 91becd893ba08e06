import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../../api/users-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';

/** The organisation's security setting: require two-factor sign-in for everyone. */
export function OrganisationSettings() {
  const { t } = useTranslation();
  const org = useResource('organisation', organisationApi.get);
  const [requireTotp, setRequireTotp] = useState<boolean | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = org.state.status === 'ready' ? org.state.data.requireTotp : false;
  const checked = requireTotp ?? current;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setError(null);
    try {
      org.set(await organisationApi.update({ requireTotp: checked }));
      setRequireTotp(null);
      setStatus(t('common.saved'));
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  return (
    <section className="section" aria-labelledby="org-heading">
      <h2 id="org-heading">{t('admin.org.heading')}</h2>
      {org.state.status === 'error' && <FormAlert message={errorMessage(t, org.state.error)} />}
      <form className="form" onSubmit={(e) => void save(e)}>
        <FormAlert message={error} />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={checked}
            disabled={org.state.status !== 'ready'}
            onChange={(e) => setRequireTotp(e.target.checked)}
            aria-describedby="org-require-totp-hint"
          />
          <span>{t('admin.org.requireTotp')}</span>
        </label>
        <p id="org-require-totp-hint" className="field__hint">
          {t('admin.org.requireTotpHint')}
        </p>
        <div className="actions">
          <button type="submit" className="button" disabled={org.state.status !== 'ready'}>
            {t('admin.org.save')}
          </button>
          <StatusMessage message={status} />
        </div>
      </form>
    </section>
  );
}
