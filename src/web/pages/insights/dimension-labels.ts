import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExploitationType, Gender, TraffickingStatus } from '../../../shared/codes/htcds.ts';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatCount } from '../../lib/format.ts';
import type { FilterKey } from './dashboard-state.ts';
import { ageBandBounds } from './insights-format.ts';

/**
 * Names of the dashboard's dimensions and of their values in the interface language: HTCDS
 * codes through the code catalogues, countries through the browser's own names, age bands as
 * ranges. 'unknown' (not recorded) reads as such in every dimension.
 */
export function useDimensionLabels() {
  const { t, i18n } = useTranslation();
  const codes = useCodeLabels();
  const country = useCountryName();
  const lang = i18n.language;
  return useMemo(() => {
    const age = (band: string) => {
      const b = ageBandBounds(band);
      if (!b) return t('insights.dashboard.unknown');
      return b.to === null
        ? t('insights.dashboard.ageFrom', { from: formatCount(b.from, lang) })
        : t('insights.dashboard.ageRange', {
            from: formatCount(b.from, lang),
            to: formatCount(b.to, lang),
          });
    };
    const value = (dimension: FilterKey, key: string): string => {
      if (key === 'unknown') return t('insights.dashboard.unknown');
      switch (dimension) {
        case 'exploitation':
          return t(`codes.exploitation.${key as ExploitationType}`, { defaultValue: key });
        case 'gender':
          // CTDC's Transgender (a publication's records) covers three HTCDS values.
          return key === 'Transgender'
            ? t('insights.dashboard.transgender')
            : t(`codes.gender.${key as Gender}`, { defaultValue: key });
        case 'traffickingStatus':
          return codes.traffickingStatus(key as TraffickingStatus);
        case 'ageBand':
          return age(key);
        case 'citizenship':
        case 'countryOfExploitation':
          return country(key);
      }
    };
    const dimension = (d: FilterKey): string => t(`insights.dashboard.dimension.${d}`);
    return { value, dimension };
  }, [t, codes, country, lang]);
}
