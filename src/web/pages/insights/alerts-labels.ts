import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExploitationType } from '../../../shared/codes/htcds.ts';
import type { TrendMethod } from '../../../shared/insights/types.ts';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';

/**
 * Names of an alert's series and method for people. A series key names what it counts:
 * `country` (alpha-2, the country of exploitation), `region` (an M49 sub-region, spelled as
 * src/shared/codes/m49.ts does) or `exploitation` (an HTCDS code); parts are joined.
 */
export function useAlertLabels() {
  const { t } = useTranslation();
  const country = useCountryName();
  const codes = useCodeLabels();
  return useMemo(() => {
    const part = (name: string, value: string): string => {
      if (name === 'country') return country(value);
      if (name === 'exploitation') return codes.exploitation(value as ExploitationType);
      if (name === 'region') {
        return t(`insights.alerts.regions.${value as 'Northern Africa'}`, { defaultValue: value });
      }
      return value;
    };
    return {
      series: (key: Readonly<Record<string, string>>): string =>
        Object.entries(key)
          .map(([name, value]) => part(name, value))
          .join(' · '),
      method: (m: TrendMethod): string => t(`insights.methods.name.${m}`),
    };
  }, [t, country, codes]);
}
