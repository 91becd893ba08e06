/**
 * Privacy-preserving linkage between organisations on Lantern (docs/pprl.md, "Between
 * organisations on Lantern"): an organisation encodes its own cases — only those whose person
 * consents to family tracing now — as keyed Bloom-filter encodings under a secret it shares
 * with the other organisation only; a linking party matches two encoding files without seeing a
 * name. The CLI (`lantern pprl encode --org`) and the API share `encodeOrganisationCases`.
 */
import type {
  EncodingFile,
  EncodingsBody,
  MatchesResult,
} from '../../shared/api/linkage.schema.ts';
import type { ConsentEntry } from '../../shared/consent/index.ts';
import { decideConsent } from '../../shared/consent/index.ts';
import type { PprlEncodingFileJson, PprlSchema } from '../../shared/linkage/pprl/index.ts';
import {
  DEFAULT_SCHEMA,
  DEFAULT_THRESHOLD,
  PprlFileError,
  encodeRecords,
  matchEncodings,
  parseEncodingFile,
  toEncodingFileJson,
} from '../../shared/linkage/pprl/index.ts';
import type { LinkRecord } from '../../shared/linkage/types.ts';
import type { ExchangeContext } from '../exchange/exchange-context.ts';
import { exchangeContextOf } from '../exchange/exchange-context.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { openIdentity } from '../persons/person-identity.ts';
import { listTracingConsents } from './candidates.repo.ts';
import { linkRecordOfPerson } from './link-record.ts';
import { listEncodableCases } from './pprl.repo.ts';

/** Cases read, consent-checked and decrypted per round trip. */
const PAGE = 1_000;

/** The identity and case fields an encoding is made of (for the audit entry; never values). */
export const ENCODED_FIELDS = [
  'givenName',
  'familyName',
  'aliases',
  'dateOfBirth',
  'gender',
  'citizenship',
  'countryOfExploitation',
];

export interface OrganisationEncodings {
  file: PprlEncodingFileJson;
  encoded: number;
  /** Cases left out because their person does not consent to family tracing now. */
  skippedWithoutConsent: number;
}

/**
 * `mayI(purpose 'family_tracing', at)` for a page of cases in one query: the same rule
 * (`decideConsent`, src/shared/consent/decide.ts) over each case's history, as
 * `tracingConsents` in candidates.ts does for a request (this one also serves the CLI).
 */
async function consentingCases(
  ctx: ExchangeContext,
  caseIds: readonly string[],
  at: Date,
): Promise<Set<string>> {
  const byCase = new Map<string, ConsentEntry[]>();
  for (const r of await listTracingConsents(ctx.tx, caseIds)) {
    const list = byCase.get(r.caseId) ?? [];
    list.push({
      id: r.id,
      purpose: 'family_tracing',
      serviceType: null,
      granted: r.granted,
      method: r.method,
      recordedAt: r.recordedAt.toISOString(),
      expiresOn: r.expiresOn,
    });
    byCase.set(r.caseId, list);
  }
  const allowed = new Set<string>();
  for (const [caseId, history] of byCase) {
    if (decideConsent(history, { purpose: 'family_tracing' }, at).allowed) allowed.add(caseId);
  }
  return allowed;
}

/**
 * The organisation's consenting cases as an encoding file. Ids are the case references: they
 * mean something to the organisation (a caseworker finds the case by it) and nothing to anyone
 * else, unlike a person's name; case ids would serve as well but are opaque to people. Only the
 * identities of consenting cases are decrypted. Audited as one `linkage.encodings.created`
 * entry: the number of cases encoded and the fields read, never a value.
 */
export async function encodeOrganisationCases(
  ctx: ExchangeContext,
  secret: Uint8Array,
  opts: { schema?: PprlSchema } = {},
): Promise<OrganisationEncodings> {
  const at = ctx.clock.now();
  const keys = await ctx.keys();
  const records: LinkRecord[] = [];
  let skipped = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await listEncodableCases(ctx.tx, ctx.orgId, after, PAGE);
    if (page.length === 0) break;
    const allowed = await consentingCases(
      ctx,
      page.map((r) => r.caseId),
      at,
    );
    for (const row of page) {
      if (!allowed.has(row.caseId)) {
        skipped++;
        continue;
      }
      const identity = openIdentity(keys, row.personId, row.identity);
      records.push({ ...linkRecordOfPerson(identity, row), id: row.reference });
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.caseId;
  }
  const encodings = encodeRecords(records, { secret, schema: opts.schema ?? DEFAULT_SCHEMA });
  await ctx.audit({
    action: 'linkage.encodings.created',
    recordType: 'case',
    recordId: String(records.length),
    fields: records.length > 0 ? ENCODED_FIELDS : [],
  });
  return {
    file: toEncodingFileJson(encodings),
    encoded: records.length,
    skippedWithoutConsent: skipped,
  };
}

/** POST /linkage/encodings: the file and a name for the download. */
export async function createEncodings(
  ctx: ServiceContext,
  body: EncodingsBody,
): Promise<{ file: EncodingFile; filename: string }> {
  const secret = secretBytes(body.secret);
  const r = await encodeOrganisationCases(exchangeContextOf(ctx), secret);
  const day = ctx.clock.now().toISOString().slice(0, 10);
  // Spread: the API type of a schema is an open object, the library's an interface.
  return {
    file: { ...r.file, schema: { ...r.file.schema } },
    filename: `lantern-pprl-encodings-${day}.json`,
  };
}

/** The bytes of a secret the body schema accepted: 64 hex digits or base64 of 32 bytes. */
export function secretBytes(s: string): Uint8Array {
  const t = s.trim();
  return /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
}

/**
 * POST /linkage/matches: links two encoding files on their encodings alone (either may be the
 * organisation's own or another's). The ids come back as they are in the files: nothing is
 * looked up, so the result names no one. Files made under different secrets or schemas are
 * refused (400 naming file b), never silently matched to nothing. Audited: the number of
 * matches, no ids.
 */
export async function matchFiles(
  ctx: ServiceContext,
  body: { a: unknown; b: unknown; threshold?: number },
): Promise<MatchesResult> {
  const parse = (file: unknown, side: 'a' | 'b') => {
    try {
      return parseEncodingFile(JSON.stringify(file), side);
    } catch (e) {
      if (e instanceof PprlFileError) throw AppError.invalid([{ path: side, message: e.message }]);
      throw e;
    }
  };
  const a = parse(body.a, 'a');
  const b = parse(body.b, 'b');
  const threshold = body.threshold ?? DEFAULT_THRESHOLD;
  let r;
  try {
    r = matchEncodings(a, b, { threshold });
  } catch (e) {
    if (e instanceof PprlFileError) throw AppError.invalid([{ path: 'b', message: e.message }]);
    throw e;
  }
  await ctx.audit({
    action: 'linkage.matches.computed',
    recordType: 'linkage',
    recordId: String(r.matches.length),
    fields: [],
  });
  return {
    matches: r.matches.map(([x, y, dice]) => ({ a: x, b: y, dice })),
    threshold,
    comparisons: r.comparisons,
    counts: { a: a.ids.length, b: b.ids.length },
  };
}
