import { isoDate } from '../../shared/api/text.ts';
import { AppError } from '../http/app-error.ts';
import type { ListPosition } from './cases.repo.ts';

// Checked as strictly as the database casts them (::date, ::uuid): a tampered cursor is a 400,
// never a failed query.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// An opaque page cursor: base64url of [registrationDate, id]. It names no person.
export const encodeCursor = (p: ListPosition): string =>
  Buffer.from(JSON.stringify([p.registrationDate, p.id]), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): ListPosition {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      isoDate().safeParse(v[0]).success &&
      typeof v[1] === 'string' &&
      UUID.test(v[1])
    ) {
      return { registrationDate: v[0], id: v[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw AppError.invalid([{ path: 'cursor', message: 'is not a cursor this list gave out' }]);
}
