import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { screeningsApi } from '../../api/screenings-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { navigate, useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { InstrumentText } from './instrument-text.tsx';
import { QuickExit } from './QuickExit.tsx';

/**
 * /cases/:id/screenings/new?instrument=palermo: choose the instrument and start. A draft is
 * created only when the caseworker starts, never by opening the page.
 */
export function ScreeningStartPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { state } = useResource('instruments', () => screeningsApi.instruments());
  const [chosen, setChosen] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const caseUrl = `/cases/${encodeURIComponent(caseId)}`;

  if (state.status !== 'ready') {
    return (
      <>
        <QuickExit />
        <PageHeading title={t('screening.start.title')} />
        {state.status === 'loading' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <FormAlert message={errorMessage(t, state.error)} />
        )}
      </>
    );
  }
  const items = state.data.items;
  const wanted = search.get('instrument');
  const selected = chosen ?? items.find((i) => i.id === wanted)?.id ?? items[0]?.id ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAlert(null);
    try {
      const created = await screeningsApi.start(caseId, selected);
      navigate(`${caseUrl}/screenings/${created.id}`, { replace: true });
    } catch (e) {
      setBusy(false);
      setAlert(errorMessage(t, e));
    }
  };

  return (
    <>
      <QuickExit />
      <p>
        <Link to={caseUrl}>{t('screening.backToCase')}</Link>
      </p>
      <PageHeading title={t('screening.start.title')} />
      <p>{t('screening.start.intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <fieldset>
          <legend>{t('screening.start.instrument')}</legend>
          <div className="wizard__options">
            {items.map((i) => (
              <div key={i.id} className="wizard__instrument">
                <label className="checkbox wizard__choice">
                  <input
                    type="radio"
                    name="instrument"
                    value={i.id}
                    checked={selected === i.id}
                    onChange={() => setChosen(i.id)}
                    aria-describedby={`instrument-${i.id}-summary`}
                  />
                  <span>
                    <InstrumentText text={i.title} />
                  </span>
                </label>
                <p id={`instrument-${i.id}-summary`} className="field__hint">
                  <InstrumentText text={i.summary} />
                </p>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={busy || !selected}>
          {busy ? t('common.saving') : t('screening.start.submit')}
        </button>
      </form>
    </>
  );
}
