import { useTranslation } from 'react-i18next';
import type { RoutesResponse } from '../../../shared/api/insights.schema.ts';
import { useCountryName } from '../../lib/countries.ts';
import { SuppressedCount } from './AnalyticsCell.tsx';

export const ROUTES_TABLE_ID = 'routes-table';

/** Every route as the API sends it, suppressed counts shown as suppressed: the map in words. */
export function RoutesTable({ flows }: { flows: RoutesResponse['flows'] }) {
  const { t } = useTranslation();
  const country = useCountryName();
  if (flows.length === 0) {
    return (
      <p id={ROUTES_TABLE_ID} className="muted">
        {t('insights.routes.empty')}
      </p>
    );
  }
  return (
    <table id={ROUTES_TABLE_ID} className="stack-table routes-table">
      <caption className="routes-table__caption">{t('insights.routes.tableHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('insights.routes.origin')}</th>
          <th scope="col">{t('insights.routes.transit')}</th>
          <th scope="col">{t('insights.routes.destination')}</th>
          <th scope="col">{t('insights.routes.cases')}</th>
        </tr>
      </thead>
      <tbody>
        {flows.map((f) => (
          <tr key={[f.origin, ...f.transit, f.destination].join('>')}>
            <th scope="row" data-label={t('insights.routes.origin')}>
              <span>{country(f.origin)}</span>
            </th>
            <td data-label={t('insights.routes.transit')}>
              <span>
                {f.transit.length === 0
                  ? t('insights.routes.direct')
                  : f.transit.map(country).join(` ${t('insights.routes.arrow')} `)}
              </span>
            </td>
            <td data-label={t('insights.routes.destination')}>
              <span>{country(f.destination)}</span>
            </td>
            <td data-label={t('insights.routes.cases')}>
              <span>
                <SuppressedCount cell={f.count} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
