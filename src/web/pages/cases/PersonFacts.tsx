import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/api/cases.schema.ts';
import { FactList } from '../../components/FactList.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { formatDate } from '../../lib/format.ts';

interface Props {
  person: Person;
  ageAtRegistration: number | null;
}

/** The identity section: the only screen where a person's name and identifiers show. */
export function PersonFacts({ person: p, ageAtRegistration }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const none = t('common.notRecorded');
  const text = (v: string | null) => (v ? <bdi>{v}</bdi> : none);
  const ltr = (v: string | null) => (v ? <bdi dir="ltr">{v}</bdi> : none);
  const facts = [
    { label: t('person.givenName'), value: text(p.givenName) },
    { label: t('person.familyName'), value: text(p.familyName) },
    {
      label: t('person.aliases'),
      value: p.aliases.length > 0 ? <bdi>{p.aliases.join(t('common.listSeparator'))}</bdi> : none,
    },
    {
      label: t('person.dateOfBirth'),
      value: p.dateOfBirth ? formatDate(p.dateOfBirth, i18n.language) : none,
    },
    { label: t('cases.fields.age'), value: ageAtRegistration ?? none },
    { label: t('person.gender'), value: labels.gender(p.gender) },
    { label: t('person.phone'), value: ltr(p.phone) },
    { label: t('person.email'), value: ltr(p.email) },
    { label: t('person.documentNumber'), value: ltr(p.documentNumber) },
    { label: t('person.address'), value: text(p.address) },
  ];
  return (
    <section aria-labelledby="person-facts-heading" className="section">
      <h2 id="person-facts-heading">{t('casePage.personSection')}</h2>
      <FactList facts={facts} />
    </section>
  );
}
