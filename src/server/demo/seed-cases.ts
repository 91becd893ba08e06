/**
 * Bulk seeding of cases (demo data, benchmarks): the same rows that `createCase` writes, but
 * inserted many at a time. Each batch is one organisation-scoped transaction (row-level security
 * on, as `lantern_app`) that numbers its references by advancing `organisations.case_seq` once,
 * inserts its persons and cases with one multi-row INSERT each, and appends ONE audit entry
 * (`case.imported`, the batch's first..last reference) to the organisation's hash chain.
 *
 * Input is trusted to satisfy `CaseCreateBody` (parse untrusted input with that schema first);
 * the checks the service makes beyond the schema (registration not in the future, date of birth
 * agreeing with the age) are made here too, and fail the batch.
 */
import type { CaseCreateBody } from '../../shared/api/cases.schema.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { ageAtRegistration } from '../cases/case-age.ts';
import type { Keyring, OrgKeys } from '../crypto/keyring.ts';
import { loadOrgKeys } from '../crypto/org-keys.ts';
import type { Database, Tx } from '../db/database.ts';
import { SYSTEM, orgScope } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { PersonIdentity } from '../persons/person-identity.ts';
import {
  IDENTITY_FIELDS,
  blindIndexesOf,
  identityOf,
  presentFields,
  sealIdentity,
} from '../persons/person-identity.ts';
import type { Clock } from '../shared/clock.ts';
import { systemClock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import { formatReference } from '../cases/case-reference.ts';
import type { PersonKeys } from '../reunite/match-keys.ts';
import { insertMatchKeys, newCaseMatchKeys } from '../reunite/match-keys.ts';

export interface SeedCasesOptions {
  orgId: string;
  /** Recorded as the cases' creator and owner, and as the audit entries' actor. */
  userId: string | null;
  cases: Iterable<CaseCreateBody>;
  /** Cases per transaction, INSERT statement and audit entry (default 1,000, at most 5,000). */
  batchSize?: number;
  clock?: Clock;
  /** Runs ANALYZE on persons and cases at the end, so the planner knows the new size (default true). */
  analyze?: boolean;
  /** Called after each committed batch with the number of cases seeded so far. */
  onProgress?: (seeded: number) => void;
}

export interface SeedCasesResult {
  cases: number;
  batches: number;
  firstReference: string | null;
  lastReference: string | null;
}

export const DEFAULT_SEED_BATCH = 1_000;
// Cases: 11 parameters a row (+3 shared); PostgreSQL allows 65,535 in one statement.
const MAX_BATCH = 5_000;

/** One case, ready to insert: identity sealed, blind indexes and age computed. */
interface PreparedCase {
  personId: string;
  caseId: string;
  identity: Buffer;
  indexes: ReturnType<typeof blindIndexesOf>;
  /** Match keys of the candidate search (docs/reunite.md). */
  matchKeys: PersonKeys;
  input: CaseCreateBody;
  registrationDate: string;
  age: number | null;
  fields: readonly string[];
}

interface PreparedBatch {
  rows: PreparedCase[];
  now: Date;
  /** Position of the batch's first case in the input (for error messages). */
  offset: number;
}

/**
 * Inserts `cases` into one organisation as `userId`, in batches. Every committed batch is
 * complete (persons, cases, case numbers, audit entry): an error stops at the failing batch and
 * leaves the earlier ones in place.
 */
export async function seedCases(
  db: Database,
  keyring: Keyring,
  opts: SeedCasesOptions,
): Promise<SeedCasesResult> {
  const batchSize = opts.batchSize ?? DEFAULT_SEED_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
    throw new RangeError(`batchSize must be a whole number from 1 to ${MAX_BATCH}`);
  }
  const clock = opts.clock ?? systemClock;
  const scope = orgScope(opts.orgId, opts.userId);
  const keys = await db.transaction(scope, (tx) => loadOrgKeys(tx, keyring, opts.orgId));

  const result: SeedCasesResult = {
    cases: 0,
    batches: 0,
    firstReference: null,
    lastReference: null,
  };
  const insert = async (batch: PreparedBatch) => {
    const refs = await db.transaction(scope, (tx) => insertBatch(tx, opts, batch));
    result.cases += batch.rows.length;
    result.batches++;
    result.firstReference ??= refs.first;
    result.lastReference = refs.last;
    opts.onProgress?.(result.cases);
  };

  // While one batch is in the database, the next is encrypted (overlaps on a database server).
  let pending: Promise<void> | undefined;
  let chunk: CaseCreateBody[] = [];
  let offset = 0;
  const flush = async () => {
    const batch = prepareBatch(keys, chunk, offset, clock.now());
    offset += chunk.length;
    chunk = [];
    if (pending) await pending;
    pending = insert(batch);
    // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
    pending.catch(() => undefined);
  };
  try {
    for (const c of opts.cases) {
      chunk.push(c);
      if (chunk.length === batchSize) await flush();
    }
    if (chunk.length) await flush();
  } finally {
    // Never leave a batch running behind the caller's back, even when preparing one failed.
    if (pending) await pending.catch(() => undefined);
  }
  if (pending) await pending;

  if ((opts.analyze ?? true) && result.cases > 0) {
    await db.transaction(SYSTEM, (tx) =>
      tx.exec('ANALYZE persons; ANALYZE cases; ANALYZE person_match_keys'),
    );
  }
  return result;
}

function prepareBatch(
  keys: OrgKeys,
  cases: CaseCreateBody[],
  offset: number,
  now: Date,
): PreparedBatch {
  const today = now.toISOString().slice(0, 10);
  const rows = cases.map((input, i): PreparedCase => {
    const at = (path: string) => `cases[${offset + i}].${path}`;
    const registrationDate = input.registrationDate ?? today;
    if (registrationDate > today) {
      throw AppError.invalid([
        { path: at('registrationDate'), message: 'must not be in the future' },
      ]);
    }
    let age: number | null;
    try {
      age = ageAtRegistration(input.person, registrationDate);
    } catch (e) {
      if (!(e instanceof AppError) || !Array.isArray(e.details)) throw e;
      throw AppError.invalid(
        (e.details as { path: string; message: string }[]).map((d) => ({
          path: at(d.path),
          message: d.message,
        })),
      );
    }
    const identity: PersonIdentity = identityOf(input.person);
    const personId = newId();
    return {
      personId,
      caseId: newId(),
      identity: sealIdentity(keys, personId, identity),
      indexes: blindIndexesOf(keys, identity),
      matchKeys: newCaseMatchKeys(keys, personId, identity, input, { date: registrationDate, age }),
      input,
      registrationDate,
      age,
      fields: presentFields(identity),
    };
  });
  return { rows, now, offset };
}

/** `($s+1, …, $s+width), (…), …` for `rows` rows after `shared` shared parameters. */
function valuesList(rows: number, width: number, shared: number, row: (p: string[]) => string) {
  const out: string[] = new Array<string>(rows);
  for (let r = 0; r < rows; r++) {
    const p: string[] = [];
    for (let c = 0; c < width; c++) p.push(`$${shared + r * width + c + 1}`);
    out[r] = `(${row(p)})`;
  }
  return out.join(',\n');
}

// The statements depend only on the number of rows: built once per size.
const personSql = new Map<number, string>();
const caseSql = new Map<number, string>();

function personInsert(n: number): string {
  let sql = personSql.get(n);
  if (!sql) {
    // $1 org, $2 now; then per row: id, identity, name, given, dob, document, gender.
    sql = `INSERT INTO persons (id, org_id, identity, name_bidx, given_bidx, dob_bidx, document_bidx, gender, created_at)
VALUES ${valuesList(n, 7, 2, (p) => `${p[0]}, $1, ${p.slice(1, 7).join(', ')}, $2`)}`;
    personSql.set(n, sql);
  }
  return sql;
}

function caseInsert(n: number): string {
  let sql = caseSql.get(n);
  if (!sql) {
    // $1 org, $2 creator, $3 now; then per row: id, reference, person, status, trafficking
    // status, gender, age, citizenship, country of exploitation, types, registration date.
    sql = `INSERT INTO cases (id, org_id, reference, person_id, status, trafficking_status, gender,
  age_at_registration, citizenship, country_of_exploitation, type_of_exploitation,
  registration_date, created_by, case_owner, created_at, updated_at)
VALUES ${valuesList(n, 11, 3, (p) => `${p[0]}, $1, ${p.slice(1, 11).join(', ')}, $2, $2, $3, $3`)}`;
    caseSql.set(n, sql);
  }
  return sql;
}

async function insertBatch(
  tx: Tx,
  opts: SeedCasesOptions,
  batch: PreparedBatch,
): Promise<{ first: string; last: string }> {
  const { rows, now } = batch;
  const n = rows.length;
  // One row lock and one update for the whole batch: numbers last-n+1 … last are ours.
  const [seq] = await tx.query<{ case_seq: number }>(
    'UPDATE organisations SET case_seq = case_seq + $2 WHERE id = $1 RETURNING case_seq',
    [opts.orgId, n],
  );
  if (!seq) throw new Error('organisation not found');
  const year = now.getUTCFullYear();
  const firstNo = seq.case_seq - n + 1;

  const personParams: unknown[] = [opts.orgId, now];
  const caseParams: unknown[] = [opts.orgId, opts.userId, now];
  rows.forEach((r, i) => {
    const c = r.input;
    personParams.push(
      r.personId,
      r.identity,
      r.indexes.name,
      r.indexes.given,
      r.indexes.dob,
      r.indexes.document,
      c.person.gender,
    );
    caseParams.push(
      r.caseId,
      formatReference(year, firstNo + i),
      r.personId,
      c.status,
      c.traffickingStatus,
      c.person.gender,
      r.age,
      c.citizenship,
      c.countryOfExploitation ?? null,
      c.typeOfExploitation,
      r.registrationDate,
    );
  });
  await tx.query(personInsert(n), personParams);
  await tx.query(caseInsert(n), caseParams);
  await insertMatchKeys(
    tx,
    opts.orgId,
    rows.map((r) => r.matchKeys),
  );

  const first = formatReference(year, firstNo);
  const last = formatReference(year, seq.case_seq);
  const written = new Set(rows.flatMap((r) => r.fields));
  await appendAudit(tx, {
    orgId: opts.orgId,
    actorId: opts.userId,
    action: 'case.imported',
    recordType: 'case',
    recordId: n === 1 ? first : `${first}..${last}`,
    fields: IDENTITY_FIELDS.filter((f) => written.has(f)),
    sourceIp: null,
    at: now,
  });
  return { first, last };
}

/**
 * Inserts cases in the caller's transaction, already under the organisation's row-level
 * security: the spreadsheet importer's path (src/server/exchange), where every row of a file
 * commits or rolls back together. The same rows and `case.imported` audit entries as
 * `seedCases`, in batches of DEFAULT_SEED_BATCH; references are given in input order.
 */
export async function insertCasesInTransaction(
  tx: Tx,
  keys: OrgKeys,
  opts: { orgId: string; userId: string | null; now: Date },
  cases: readonly CaseCreateBody[],
): Promise<{ first: string; last: string } | null> {
  let first: string | null = null;
  let last = '';
  for (let offset = 0; offset < cases.length; offset += DEFAULT_SEED_BATCH) {
    const chunk = cases.slice(offset, offset + DEFAULT_SEED_BATCH);
    const batch = prepareBatch(keys, chunk, offset, opts.now);
    const refs = await insertBatch(tx, { ...opts, cases: [] }, batch);
    first ??= refs.first;
    last = refs.last;
  }
  return first === null ? null : { first, last };
}
