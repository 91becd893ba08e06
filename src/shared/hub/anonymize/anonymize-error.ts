/**
 * Why a release could not be made as asked: bad options (k below 2, an unknown column), a
 * hierarchy that does not cover a value, or a privacy guarantee that no generalisation within the
 * suppression limit meets. The engine throws it rather than weaken the guarantee.
 */
export class AnonymizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnonymizeError';
  }
}
