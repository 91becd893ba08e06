/** Trend alerts (issue 7): EARS C1–C3, Farrington flexible and a negative-binomial CUSUM. */
export { detectTrends, type TrendOptions } from './detect-trends.ts';
export { assessSeries } from './assess-series.ts';
export type { Verdict } from './verdict.ts';
export { earsAssess, EARS_MIN_HISTORY, type EarsOptions, type EarsVariant } from './ears.ts';
export { farringtonAssess, FARRINGTON_MIN_YEARS, type FarringtonOptions } from './farrington.ts';
export { nbCusumAssess, NB_CUSUM_MIN_HISTORY, type NbCusumOptions } from './nb-cusum.ts';
