/** A refused release: bad options, or a table too wide for the requested length. */
export class AggregateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AggregateError';
  }
}
