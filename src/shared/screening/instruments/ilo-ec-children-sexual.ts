import { CHILDREN_LABOUR } from './ilo-ec-children-labour.ts';
import type { IndicatorList } from './ilo-ec-lists.ts';

/**
 * ILO–EC (2009), "Indicators of trafficking of children for sexual exploitation" —
 * RECONSTRUCTED. The publication's list could not be consulted; this list takes the
 * children/labour list and applies the differences known from the publication (below). Verify
 * every weight against ILO WCMS_105023 before relying on it.
 */
const reconstructed: Record<string, string> = {
  'ex.hazardous': 'strong for children in sexual exploitation (medium for labour)',
};

export const CHILDREN_SEXUAL: IndicatorList = {
  id: 'children_sexual',
  title: 'Children, sexual exploitation',
  provenance: 'reconstructed',
  reconstructed,
  weights: { ...CHILDREN_LABOUR.weights, 'ex.hazardous': 'strong' },
};
