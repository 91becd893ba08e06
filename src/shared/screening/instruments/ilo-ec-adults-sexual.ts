import { ADULTS_LABOUR } from './ilo-ec-adults-labour.ts';
import type { IndicatorList } from './ilo-ec-lists.ts';

/**
 * ILO–EC (2009), "Indicators of trafficking of adults for sexual exploitation" — RECONSTRUCTED.
 * The publication's list for sexual exploitation could not be consulted; this list takes the
 * adults/labour list and applies the differences known from the publication (below). Verify
 * every weight against ILO WCMS_105023 before relying on it.
 */
const reconstructed: Record<string, string> = {
  'cd.tasks_clients': 'strong for sexual exploitation (medium for labour)',
  'ex.excessive_hours':
    'the exploitation dimension has no strong indicator for sexual exploitation; set to medium',
};

export const ADULTS_SEXUAL: IndicatorList = {
  id: 'adults_sexual',
  title: 'Adults, sexual exploitation',
  provenance: 'reconstructed',
  reconstructed,
  weights: {
    ...ADULTS_LABOUR.weights,
    'cd.tasks_clients': 'strong',
    'ex.excessive_hours': 'medium',
  },
};
