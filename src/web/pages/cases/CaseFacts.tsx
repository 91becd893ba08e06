import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/cases.schema.ts';
import { FactList } from '../../components/FactList.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';

/** The case section: status, places, types of exploitation, who registered it and when. */
export function CaseFacts({ detail: c }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const country = useCountryName();
  const none = t('common.notRecorded');
  const facts = [
    { label: t('cases.fields.reference'), value: <bdi dir="ltr">{c.reference}</bdi> },
    {
      label: t('cases.fields.registrationDate'),
      value: formatDate(c.registrationDate, i18n.language),
    },
    { label: t('cases.fields.status'), value: labels.caseStatus(c.status) },
    {
      label: t('cases.fields.traffickingStatus'),
      value: labels.traffickingStatus(c.traffickingStatus),
    },
    { label: t('cases.fields.citizenship'), value: country(c.citizenship) },
    {
      label: t('cases.fields.countryOfExploitation'),
      value: c.countryOfExploitation ? country(c.countryOfExploitation) : none,
    },
    {
      label: t('cases.fields.typeOfExploitation'),
      value: c.typeOfExploitation.map(labels.exploitation).join(t('common.listSeparator')) || none,
    },
    {
      label: t('casePage.createdBy'),
      value: c.createdBy ? <bdi>{c.createdBy.displayName}</bdi> : none,
    },
    { label: t('casePage.createdAt'), value: formatDateTime(c.createdAt, i18n.language) },
  ];
  return (
    <section aria-labelledby="case-facts-heading" className="section">
      <h2 id="case-facts-heading">{t('casePage.caseSection')}</h2>
      <FactList facts={facts} />
    </section>
  );
}
