import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DirectorySearchInput,
  DirectorySearchResult,
} from '../../../shared/api/directory.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { directoryApi } from '../../api/directory-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { MapMarker, MapPoint } from '../../components/map/map-types.ts';
import { isOnEarth } from '../../components/map/map-view.ts';
import { WorldMap } from '../../components/map/WorldMap.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { Link } from '../../router/Link.tsx';
import { useUser } from '../../session/session-context.ts';
import {
  EMPTY_SEARCH,
  parseDecimal,
  rememberedSearch,
  rememberSearch,
  searchBody,
  type DraftProblem,
  type SearchDraft,
  type SearchField,
} from './search-draft.ts';
import { SEARCH_PREFIX, SearchForm } from './SearchForm.tsx';
import { RESULTS_ID, SearchResults } from './SearchResults.tsx';
import { useDirectoryLabels } from './use-directory-labels.ts';

type Outcome =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: DirectorySearchResult; radiusKm: number };

const FIELD_ORDER: readonly SearchField[] = [
  'serviceType',
  'age',
  'latitude',
  'longitude',
  'radiusKm',
];

/** /directory: search services by need, eligibility and distance; results as a list and a map. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  const labels = useDirectoryLabels();
  const [draft, setDraft] = useState<SearchDraft>(() => rememberedSearch() ?? EMPTY_SEARCH);
  const [problems, setProblems] = useState<Partial<Record<SearchField, DraftProblem>>>({});
  const [outcome, setOutcome] = useState<Outcome>(() =>
    rememberedSearch() ? { status: 'loading' } : { status: 'idle' },
  );
  const requestId = useRef(0);

  // The answer lands only if no newer search (or a clear) started since.
  const fetchResults = (body: DirectorySearchInput, id: number) =>
    directoryApi.search(body).then(
      (data) => {
        if (id === requestId.current) {
          setOutcome({ status: 'ready', data, radiusKm: body.radiusKm ?? 50 });
        }
      },
      (error: unknown) => {
        if (id === requestId.current) setOutcome({ status: 'error', error });
      },
    );

  const run = (d: SearchDraft) => {
    const built = searchBody(d);
    if (!built.ok) {
      setProblems(built.problems);
      const first = FIELD_ORDER.find((f) => built.problems[f] !== undefined);
      if (first) document.getElementById(`${SEARCH_PREFIX}${first}`)?.focus();
      return;
    }
    setProblems({});
    rememberSearch(d);
    setOutcome({ status: 'loading' });
    void fetchResults(built.body, ++requestId.current);
  };

  // Back from a service's page: the remembered search runs again (its state starts as loading).
  useEffect(() => {
    const remembered = rememberedSearch();
    const built = remembered ? searchBody(remembered) : null;
    if (built?.ok) void fetchResults(built.body, ++requestId.current);
    // Once, on arrival: later searches are started by the form.
  }, []);

  const clear = () => {
    requestId.current += 1;
    rememberSearch(null);
    setDraft(EMPTY_SEARCH);
    setProblems({});
    setOutcome({ status: 'idle' });
  };

  const lat = parseDecimal(draft.latitude);
  const lon = parseDecimal(draft.longitude);
  const marker: MapMarker | null =
    lat !== null && lon !== null && isOnEarth(lat, lon)
      ? { latitude: lat, longitude: lon, label: t('directory.map.from') }
      : null;
  const hits = outcome.status === 'ready' ? outcome.data.results : [];
  const points: MapPoint[] = hits.map((h) => ({
    id: h.id,
    latitude: h.latitude,
    longitude: h.longitude,
    label: h.name,
    details: [
      h.provider.name,
      labels.serviceType(h.serviceType),
      h.eligible ? t('directory.results.eligible') : t('directory.results.notEligibleShort'),
      ...(h.distanceKm !== null ? [labels.km(h.distanceKm)] : []),
    ],
    emphasis: h.eligible && h.withinRadius,
  }));
  const focusResult = (id: string) => {
    const link = document.querySelector<HTMLAnchorElement>(`#result-${CSS.escape(id)} a`);
    link?.scrollIntoView({ block: 'center' });
    link?.focus();
  };

  return (
    <>
      <div className="page-title">
        <PageHeading title={t('directory.title')} />
        {can(role, 'directory:manage') && (
          <Link to="/directory/manage" className="button button--secondary">
            {t('directory.manage.link')}
          </Link>
        )}
      </div>
      <p className="hint">{t('directory.intro')}</p>
      <SearchForm
        draft={draft}
        problems={problems}
        onChange={setDraft}
        onSubmit={() => run(draft)}
        onClear={clear}
        busy={outcome.status === 'loading'}
      />
      <section className="section" aria-labelledby="dir-results-heading">
        <h2 id="dir-results-heading">{t('directory.results.heading')}</h2>
        <p role="status" className="results__summary">
          {outcome.status === 'loading' && t('common.loading')}
          {outcome.status === 'ready' &&
            t('directory.results.summary', {
              count: outcome.data.results.length,
              total: outcome.data.total,
            })}
        </p>
        {outcome.status === 'error' && <FormAlert message={errorMessage(t, outcome.error)} />}
        {outcome.status === 'idle' && <p className="hint">{t('directory.results.idle')}</p>}
        <div className="directory__layout">
          <div className="directory__map">
            <WorldMap
              label={t('directory.map.label', { count: points.length })}
              describedBy={outcome.status === 'ready' ? RESULTS_ID : undefined}
              points={points}
              marker={marker}
              onPointSelect={focusResult}
              onLocationPick={(latitude, longitude) =>
                setDraft((d) => ({
                  ...d,
                  latitude: String(latitude),
                  longitude: String(longitude),
                }))
              }
            />
          </div>
          {outcome.status === 'ready' && (
            <div className="directory__list">
              <SearchResults hits={outcome.data.results} radiusKm={outcome.radiusKm} />
            </div>
          )}
        </div>
      </section>
    </>
  );
}
