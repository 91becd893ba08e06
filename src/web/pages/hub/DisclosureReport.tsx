import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList.tsx';
import { useColumnLabel } from './hub-columns.ts';
import { formatCount, formatDecimal, formatShare } from './hub-format.ts';

/** The prosecutor-model risk figures both the contributions and the publications report. */
export interface RiskFigures {
  records: number;
  classes: number;
  sampleUniques: number;
  recordsAtRisk: number;
  highestRisk: number;
  averageRisk: number;
  expectedReidentifications: number;
}

/** The utility figures both report. */
export interface UtilityFigures {
  informationLoss: number;
  discernibility: number;
  suppressed: number;
  suppressedShare: number;
}

/**
 * Risk report: sample uniques, records at risk (in a class smaller than k) and the expected
 * re-identifications of the prosecutor model (El Emam, "Guide to the De-Identification of
 * Personal Health Information", 2013; ARX's risk analysis).
 */
export function RiskFacts({ risk, k }: { risk: RiskFigures; k: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <FactList
      facts={[
        { label: t('hub.risk.records'), value: formatCount(risk.records, lang) },
        { label: t('hub.risk.classes'), value: formatCount(risk.classes, lang) },
        { label: t('hub.risk.sampleUniques'), value: formatCount(risk.sampleUniques, lang) },
        {
          label: t('hub.risk.recordsAtRisk', { k }),
          value: formatCount(risk.recordsAtRisk, lang),
        },
        { label: t('hub.risk.highestRisk'), value: formatShare(risk.highestRisk, lang) },
        { label: t('hub.risk.averageRisk'), value: formatShare(risk.averageRisk, lang) },
        {
          label: t('hub.risk.expected'),
          value: formatDecimal(risk.expectedReidentifications, lang, 2),
        },
      ]}
    />
  );
}

/**
 * Utility report: information loss (0 none … 1 all), discernibility (Bayardo & Agrawal 2005)
 * and the share of rows removed by local suppression, with the generalisation levels chosen.
 */
export function UtilityFacts(props: {
  utility: UtilityFigures;
  levels?: Readonly<Record<string, number>> | undefined;
}) {
  const { t, i18n } = useTranslation();
  const column = useColumnLabel();
  const lang = i18n.language;
  const levels = Object.entries(props.levels ?? {});
  const u = props.utility;
  return (
    <FactList
      facts={[
        { label: t('hub.utility.informationLoss'), value: formatDecimal(u.informationLoss, lang) },
        { label: t('hub.utility.discernibility'), value: formatCount(u.discernibility, lang) },
        {
          label: t('hub.utility.suppressed'),
          value: t('hub.utility.suppressedValue', {
            rows: formatCount(u.suppressed, lang),
            share: formatShare(u.suppressedShare, lang),
          }),
        },
        ...(levels.length > 0
          ? [
              {
                label: t('hub.utility.levels'),
                value: (
                  <ul className="hub-levels">
                    {levels.map(([c, level]) => (
                      <li key={c}>{t('hub.utility.level', { column: column(c), level })}</li>
                    ))}
                  </ul>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
