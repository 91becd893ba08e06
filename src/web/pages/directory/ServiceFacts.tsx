import { useTranslation } from 'react-i18next';
import type { Service } from '../../../shared/api/directory.schema.ts';
import { FactList, type Fact } from '../../components/FactList.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDirectoryLabels } from './use-directory-labels.ts';

/** Everything the directory says of one service, in words. */
export function ServiceFacts({ service: s }: { service: Service }) {
  const { t, i18n } = useTranslation();
  const labels = useDirectoryLabels();
  const codes = useCodeLabels();
  const country = useCountryName();
  const sep = t('common.listSeparator');
  const any = t('directory.service.any');
  const age =
    s.ageMin === null && s.ageMax === null
      ? any
      : s.ageMax === null
        ? t('directory.service.ageFrom', { min: s.ageMin })
        : s.ageMin === null
          ? t('directory.service.ageUpTo', { max: s.ageMax })
          : t('directory.service.ageRange', { min: s.ageMin, max: s.ageMax });
  const facts: Fact[] = [
    { label: t('directory.fields.serviceType'), value: labels.serviceType(s.serviceType) },
    ...(s.description
      ? [{ label: t('directory.service.description'), value: <bdi>{s.description}</bdi> }]
      : []),
    {
      label: t('directory.service.location'),
      value: <bdi>{[s.address, s.adminArea, country(s.country)].filter(Boolean).join(sep)}</bdi>,
    },
    {
      label: t('directory.service.coordinates'),
      value: <span dir="ltr">{`${s.latitude}, ${s.longitude}`}</span>,
    },
    {
      label: t('directory.service.places'),
      value:
        labels.places(s.capacityAvailable, s.capacityTotal) +
        (s.capacityUpdatedAt
          ? ` (${t('directory.service.updated', { when: formatDateTime(s.capacityUpdatedAt, i18n.language) })})`
          : ''),
    },
    { label: t('directory.service.ages'), value: age },
    {
      label: t('directory.service.genders'),
      value: s.genders.length ? s.genders.map(codes.gender).join(sep) : any,
    },
    {
      label: t('directory.service.nationalities'),
      value: s.nationalities.length ? s.nationalities.map(country).join(sep) : any,
    },
    {
      label: t('directory.service.statuses'),
      value: s.statuses.length ? s.statuses.map(codes.traffickingStatus).join(sep) : any,
    },
    {
      label: t('directory.service.languages'),
      value: s.languages.length
        ? s.languages.map(labels.language).join(sep)
        : t('common.notRecorded'),
    },
    ...(s.hours ? [{ label: t('directory.service.hours'), value: <bdi>{s.hours}</bdi> }] : []),
    ...(s.phone
      ? [{ label: t('directory.service.phone'), value: <span dir="ltr">{s.phone}</span> }]
      : []),
    ...(s.email
      ? [{ label: t('directory.service.email'), value: <span dir="ltr">{s.email}</span> }]
      : []),
    {
      label: t('directory.service.responseDays'),
      value: t('directory.service.responseDaysValue', { count: s.responseDays }),
    },
    ...(!s.active
      ? [{ label: t('directory.service.state'), value: t('directory.service.inactive') }]
      : []),
  ];
  return <FactList facts={facts} />;
}
