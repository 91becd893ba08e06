import { useTranslation } from 'react-i18next';
import { AnalyticsFilterForm } from './AnalyticsFilterForm.tsx';
import { yearParam } from './analytics-format.ts';

const GEOGRAPHIES = ['countryOfExploitation', 'citizenship'] as const;
export type SdgGeography = (typeof GEOGRAPHIES)[number];

/** The SDG page's query as the URL holds it: a year ('' for the latest) and a geography. */
export function sdgQuery(search: URLSearchParams): { year: string; geography: SdgGeography } {
  return {
    year: yearParam(search.get('year')),
    geography: GEOGRAPHIES.find((g) => g === search.get('geography')) ?? 'countryOfExploitation',
  };
}

/** The year and geography of an SDG 16.2.2 table, for the organisation's page and the public one. */
export function SdgFilterForm(props: {
  id: string;
  path: string;
  values: ReturnType<typeof sdgQuery>;
}) {
  const { t } = useTranslation();
  return (
    <AnalyticsFilterForm
      id={props.id}
      heading={t('insights.sdg.filterHeading')}
      path={props.path}
      values={props.values}
      defaults={{ geography: 'countryOfExploitation' }}
      fields={[
        { name: 'year', kind: 'year', label: t('insights.sdg.year') },
        {
          name: 'geography',
          kind: 'select',
          label: t('insights.sdg.geographyLabel'),
          options: GEOGRAPHIES.map((g) => ({
            value: g,
            label: t(`insights.sdg.geography.${g}`),
          })),
        },
      ]}
    />
  );
}
