import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningDetail } from '../../../shared/api/screenings.schema.ts';
import { screeningsApi } from '../../api/screenings-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { InstrumentText } from './instrument-text.tsx';
import { QuickExit } from './QuickExit.tsx';
import { ScreeningResults } from './ScreeningResults.tsx';
import { ScreeningWizard } from './ScreeningWizard.tsx';

/**
 * /cases/:id/screenings/:sid: the wizard while the screening is a draft, its results once
 * completed. The page never shows the person's name, and its title names no instrument.
 */
export function ScreeningPage({ caseId, id }: { caseId: string; id: string }) {
  const { t } = useTranslation();
  const { state, set } = useResource(`${caseId}/${id}`, async () => {
    const screening = await screeningsApi.get(caseId, id);
    const definition = await screeningsApi.instrument(screening.instrumentId, screening.version);
    return { screening, definition };
  });
  const [justCompleted, setJustCompleted] = useState(false);
  const backToCase = (
    <p>
      <Link to={`/cases/${encodeURIComponent(caseId)}`}>{t('screening.backToCase')}</Link>
    </p>
  );

  if (state.status === 'loading') {
    return (
      <>
        <QuickExit />
        <p role="status">{t('common.loading')}</p>
      </>
    );
  }
  if (state.status === 'error') {
    const code = errorCode(state.error);
    const missing = code === 'not_found' || code === 'validation_failed';
    return (
      <>
        <PageHeading title={missing ? t('screening.notFoundTitle') : t('screening.errorTitle')} />
        {missing ? (
          <p>{t('screening.notFound')}</p>
        ) : (
          <FormAlert message={errorMessage(t, state.error)} />
        )}
        {backToCase}
      </>
    );
  }
  const { screening, definition } = state.data;
  const completed = (done: ScreeningDetail) => {
    setJustCompleted(true);
    set({ screening: done, definition });
  };
  return (
    <>
      <QuickExit />
      <PageHeading title={t('screening.title')}>
        <InstrumentText text={definition.title} />
      </PageHeading>
      {screening.result ? (
        <ScreeningResults
          definition={definition}
          screening={{ ...screening, result: screening.result }}
          focus={justCompleted}
        />
      ) : (
        <ScreeningWizard definition={definition} screening={screening} onCompleted={completed} />
      )}
    </>
  );
}
