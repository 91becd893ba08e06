import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { CaseScreenings } from '../screening/CaseScreenings.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseRecordSections } from './CaseRecordSections.tsx';
import { CaseWorkSections } from './CaseWorkSections.tsx';
import { PersonFacts } from './PersonFacts.tsx';

/** /cases/:id: every field of one case (the server audits this read). */
export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, reload } = useResource(id, () => casesApi.get(id));
  const back = (
    <p>
      <Link to="/cases">{t('casePage.back')}</Link>
    </p>
  );
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') {
    const code = errorCode(state.error);
    const missing = code === 'not_found' || code === 'validation_failed';
    return (
      <>
        <PageHeading title={missing ? t('casePage.notFoundTitle') : t('casePage.errorTitle')} />
        {missing ? (
          <p>{t('casePage.notFound')}</p>
        ) : (
          <FormAlert message={errorMessage(t, state.error)} />
        )}
        {back}
      </>
    );
  }
  const c = state.data;
  return (
    <>
      {back}
      <PageHeading title={t('casePage.title', { reference: c.reference })} />
      <CaseFacts detail={c} />
      <PersonFacts person={c.person} ageAtRegistration={c.ageAtRegistration} />
      <CaseWorkSections detail={c} onCaseChanged={reload} />
      <CaseScreenings caseId={c.id} />
      <CaseRecordSections caseId={c.id} />
    </>
  );
}
