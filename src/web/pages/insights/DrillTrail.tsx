import { useTranslation } from 'react-i18next';
import { Link } from '../../router/Link.tsx';
import { useDimensionLabels } from './dimension-labels.ts';
import {
  dashboardSearch,
  drillBack,
  type DashboardState,
  type PeriodForm,
} from './dashboard-state.ts';

interface Props {
  state: DashboardState;
  form: PeriodForm;
  /** The page's path; each step links to the same page with that step's state. */
  path: string;
}

/** The drill-down path as a breadcrumb: each earlier step is a link back to it. */
export function DrillTrail({ state, form, path }: Props) {
  const { t } = useTranslation();
  const labels = useDimensionLabels();
  if (state.drill.length === 0) return null;
  const steps = [
    { label: t('insights.dashboard.drill.all') },
    ...state.drill.map((d) => ({
      label: t('insights.dashboard.drill.step', {
        dimension: labels.dimension(d),
        value: labels.value(d, state.filters[d][0] ?? ''),
      }),
    })),
  ];
  return (
    <nav className="drill-trail" aria-label={t('insights.dashboard.drill.label')}>
      <ol>
        {steps.map((s, i) =>
          i === steps.length - 1 ? (
            <li key={i} aria-current="location">
              <bdi>{s.label}</bdi>
            </li>
          ) : (
            <li key={i}>
              <Link to={`${path}${dashboardSearch(drillBack(state, i), form)}`}>
                <bdi>{s.label}</bdi>
              </Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
