import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/api/directory.schema.ts';
import { useCountryName } from '../../lib/countries.ts';
import { Link } from '../../router/Link.tsx';
import { useDirectoryLabels } from './use-directory-labels.ts';

export const RESULTS_ID = 'directory-results';

/** The ranked results, in words: the map's text alternative and the keyboard's way in. */
export function SearchResults({
  hits,
  radiusKm,
}: {
  hits: readonly SearchHit[];
  radiusKm: number;
}) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const country = useCountryName();
  if (hits.length === 0) return <p id={RESULTS_ID}>{t('directory.results.none')}</p>;
  return (
    <ol id={RESULTS_ID} className="results-list" aria-label={t('directory.results.listLabel')}>
      {hits.map((h) => {
        const fits = h.eligible && h.withinRadius;
        return (
          <li key={h.id} id={`result-${h.id}`} className="result">
            <h3 className="result__name">
              <Link to={serviceUrl(h.providerId, h.id)}>
                <bdi>{h.name}</bdi>
              </Link>
            </h3>
            <p className="result__meta">
              <bdi>{h.provider.name}</bdi>
              {' · '}
              {labels.serviceType(h.serviceType)}
            </p>
            <p className={fits ? 'result__fit result__fit--yes' : 'result__fit result__fit--no'}>
              {h.eligible
                ? t('directory.results.eligible')
                : t('directory.results.notEligible', {
                    reasons: h.mismatches.map(labels.mismatch).join(t('common.listSeparator')),
                  })}
            </p>
            <ul className="result__facts">
              {h.distanceKm !== null && (
                <li>
                  {h.withinRadius
                    ? t('directory.results.distance', { distance: labels.km(h.distanceKm) })
                    : t('directory.results.outsideRadius', {
                        distance: labels.km(h.distanceKm),
                        radius: labels.km(radiusKm),
                      })}
                </li>
              )}
              <li>{labels.places(h.capacityAvailable, h.capacityTotal)}</li>
              <li>
                {[h.address, h.adminArea, country(h.country)].filter(Boolean).map((part, i) => (
                  <span key={i}>
                    {i > 0 && t('common.listSeparator')}
                    <bdi>{part}</bdi>
                  </span>
                ))}
              </li>
              {h.languages.length > 0 && (
                <li>
                  {t('directory.results.languages', {
                    languages: h.languages.map(labels.language).join(t('common.listSeparator')),
                  })}
                </li>
              )}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

/** A service's place on its provider's page. */
export const serviceUrl = (providerId: string, serviceId: string) =>
  `/directory/providers/${encodeURIComponent(providerId)}?service=${encodeURIComponent(serviceId)}`;
