import type { FieldIssue } from '../api/errors.ts';

export type ScreeningErrorCode =
  'unknown_instrument' | 'unknown_version' | 'version_mismatch' | 'invalid_answers';

/**
 * Why answers could not be screened. `issues` name the field by its JSON path (e.g. `means[2]`)
 * so the web app, the API and the CLI can point at the exact answer.
 */
export class ScreeningError extends Error {
  constructor(
    readonly code: ScreeningErrorCode,
    readonly issues: FieldIssue[],
  ) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'ScreeningError';
  }
}
