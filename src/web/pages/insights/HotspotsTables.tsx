import { useTranslation } from 'react-i18next';
import type { HotspotsResponse } from '../../../shared/api/insights.schema.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatNumber, formatP } from './analytics-format.ts';
import { giStarRows } from './hotspots-model.ts';
import { formatPeriod } from './insights-format.ts';
import { SuppressedCount } from './AnalyticsCell.tsx';

export const HOTSPOTS_GI_ID = 'hotspots-gi-table';

/** The scan clusters and the Gi* values in words: the map's text alternative. */
export function HotspotsTables({ data }: { data: HotspotsResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const country = useCountryName();
  const num = (v: number, digits = 0) => formatNumber(v, lang, digits) ?? '—';
  return (
    <>
      <h3 id="hotspots-clusters-heading">{t('insights.hotspots.clustersHeading')}</h3>
      {data.clusters.length === 0 ? (
        <p className="muted">{t('insights.hotspots.noClusters')}</p>
      ) : (
        <table className="stack-table hotspots-table" aria-labelledby="hotspots-clusters-heading">
          <thead>
            <tr>
              <th scope="col">{t('insights.hotspots.cluster')}</th>
              <th scope="col">{t('insights.hotspots.countries')}</th>
              <th scope="col">{t('insights.hotspots.period')}</th>
              <th scope="col">{t('insights.hotspots.observed')}</th>
              <th scope="col">{t('insights.hotspots.expected')}</th>
              <th scope="col">{t('insights.hotspots.relativeRisk')}</th>
              <th scope="col">{t('insights.hotspots.p')}</th>
            </tr>
          </thead>
          <tbody>
            {data.clusters.map((c, rank) => (
              <tr key={`${rank}:${c.countries.join(',')}`}>
                <th scope="row" data-label={t('insights.hotspots.cluster')}>
                  <span>
                    {rank === 0
                      ? t('insights.hotspots.mostLikely')
                      : t('insights.hotspots.secondary', { rank: num(rank) })}
                  </span>
                </th>
                <td data-label={t('insights.hotspots.countries')}>
                  <span>{c.countries.map(country).join(t('common.listSeparator'))}</span>
                </td>
                <td data-label={t('insights.hotspots.period')}>
                  <span>
                    {t('insights.hotspots.periodValue', {
                      from: formatPeriod(c.start, lang),
                      to: formatPeriod(c.end, lang),
                    })}
                  </span>
                </td>
                <td data-label={t('insights.hotspots.observed')}>
                  <span>{num(c.observed)}</span>
                </td>
                <td data-label={t('insights.hotspots.expected')}>
                  <span>{num(c.expected, 1)}</span>
                </td>
                <td data-label={t('insights.hotspots.relativeRisk')}>
                  <span>{num(c.relativeRisk, 2)}</span>
                </td>
                <td data-label={t('insights.hotspots.p')}>
                  <span>{formatP(c.p, lang) ?? '—'}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 id="hotspots-gi-heading">{t('insights.hotspots.giHeading')}</h3>
      {data.giStar.length === 0 ? (
        <p id={HOTSPOTS_GI_ID} className="muted">
          {t('insights.hotspots.noGi')}
        </p>
      ) : (
        <table
          id={HOTSPOTS_GI_ID}
          className="stack-table hotspots-table"
          aria-labelledby="hotspots-gi-heading"
        >
          <thead>
            <tr>
              <th scope="col">{t('insights.hotspots.country')}</th>
              <th scope="col">{t('insights.hotspots.cases')}</th>
              <th scope="col">{t('insights.hotspots.z')}</th>
              <th scope="col">{t('insights.hotspots.p')}</th>
              <th scope="col">{t('insights.hotspots.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {giStarRows(data.giStar).map((g) => (
              <tr key={g.country}>
                <th scope="row" data-label={t('insights.hotspots.country')}>
                  <span>{country(g.country)}</span>
                </th>
                <td data-label={t('insights.hotspots.cases')}>
                  <span>
                    <SuppressedCount cell={g.count} />
                  </span>
                </td>
                <td data-label={t('insights.hotspots.z')}>
                  <span>{formatNumber(g.z, lang, 2) ?? '—'}</span>
                </td>
                <td data-label={t('insights.hotspots.p')}>
                  <span>{formatP(g.p, lang) ?? '—'}</span>
                </td>
                <td data-label={t('insights.hotspots.verdict')}>
                  <span>
                    {g.hot ? (
                      <span className="badge hotspots-badge--hot">
                        {t('insights.hotspots.hot')}
                      </span>
                    ) : g.cold ? (
                      <span className="badge hotspots-badge--cold">
                        {t('insights.hotspots.cold')}
                      </span>
                    ) : (
                      t('insights.hotspots.neither')
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
