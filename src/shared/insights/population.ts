import { POPULATION_2018 } from './population-data.ts';

/**
 * The country population table of SDG indicator 16.2.2 (victims per 100,000 population). One
 * year for every country: the indicator compares countries, and a table mixing years would not.
 * Regenerate with scripts/write-population.ts.
 */
export const POPULATION_SOURCE =
  'World Bank, World Development Indicators, SP.POP.TOTL (population, total), 2018, CC BY 4.0; ' +
  'as redistributed in country-json 2.3.0 (MIT)';

/** The year of every figure in the table. */
export const POPULATION_YEAR = 2018;

/** The total population of a country (ISO 3166-1 alpha-2), or undefined when not in the table. */
export function populationOf(code: string): number | undefined {
  return Object.hasOwn(POPULATION_2018, code) ? POPULATION_2018[code] : undefined;
}
