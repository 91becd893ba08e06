/** Hot spots (docs/insights.md): Kulldorff's space-time scan statistic, Getis-Ord Gi*, and
 *  the country geometry both use. */
export { countryCentroid, countryNeighbours, countryRegions } from './country-geo.ts';
export { giStar, type GiStarInput } from './gi-star.ts';
export { spaceTimeScan, type ScanResult } from './scan.ts';
export type { ScanBaseline, ScanInput } from './scan-input.ts';
