/** The human-readable case number: `LNT-<year>-<number within the organisation, 6 digits>`. */
export const formatReference = (year: number, n: number): string =>
  `LNT-${year}-${String(n).padStart(6, '0')}`;
