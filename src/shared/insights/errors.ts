/**
 * Bad input to an Understand engine or reader (a CSV line, a field, an argument). The message
 * names the line and field; the CLI prints it and exits with the usage code, the API answers 400.
 * Messages never quote personal data (country codes and counts are not personal data).
 */
export class InsightsInputError extends Error {
  constructor(
    message: string,
    /** The 1-based line of the input file, when the fault is on one line. */
    readonly line?: number,
    /** The column or argument at fault. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InsightsInputError';
  }
}
