import { useTranslation } from 'react-i18next';
import { publicDataApi } from '../../api/hub-api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/history.ts';
import '../insights/insights.css';

/** The figures pages of a released publication (no session needed). */
export const publicFiguresPaths = (id: string) => {
  const base = `/data/${encodeURIComponent(id)}/insights`;
  return { dashboard: base, routes: `${base}/routes`, sdg: `${base}/sdg` } as const;
};

const PAGES = ['dashboard', 'routes', 'sdg'] as const;

/**
 * The links between a publication's dashboard, routes and SDG 16.2.2 pages. Only records
 * publications have them (an aggregates table gets a 409), so only their pages show this.
 */
export function PublicInsightsNav({ id }: { id: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const paths = publicFiguresPaths(id);
  return (
    <nav className="insights-nav" aria-label={t('insights.public.navLabel')}>
      <ul>
        {PAGES.map((key) => (
          <li key={key}>
            <Link to={paths[key]} aria-current={path === paths[key] ? 'page' : undefined}>
              {t(`insights.public.nav.${key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The top of a public figures page: the links between the pages, the heading with the
 * publication's title (as the publisher wrote it, isolated for bidi) and the introduction.
 */
export function PublicFiguresHeader(props: {
  id: string;
  title: (title: string) => string;
  untitled: string;
  intro: string;
}) {
  const publication = useResource(`public/publication/${props.id}`, () =>
    publicDataApi.get(props.id),
  );
  const heading =
    publication.state.status === 'ready'
      ? props.title(publication.state.data.title)
      : props.untitled;
  return (
    <>
      <PublicInsightsNav id={props.id} />
      <PageHeading title={heading}>
        <bdi>{heading}</bdi>
      </PageHeading>
      <p className="hint">{props.intro}</p>
    </>
  );
}

/** The way back to the publication page. */
export function BackToPublication({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/data/${encodeURIComponent(id)}`}>
        {t('insights.dashboard.backToPublication')}
      </Link>
    </p>
  );
}
