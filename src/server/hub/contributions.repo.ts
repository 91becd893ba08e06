import type {
  ContributionRisk,
  ContributionStatus,
  ContributionUtility,
} from '../../shared/api/hub-contributions.schema.ts';
import type { Tx } from '../db/database.ts';

// All SQL of hub contributions (docs/hub.md, "Contributions"). Every statement runs under the
// organisation's row-level security: another organisation's contribution is simply not found.

/**
 * Cells of a stored row are joined by the unit separator (U+001F), rows by U+001E, all rows one
 * text (migration 0017): several times faster than JSON, or than a text[], on PGlite. CTDC cells
 * are codes, never control characters.
 */
const SEP = '\u001f';
/** Rows are joined by the record separator (U+001E) into one stored text (migration 0017). */
const ROW_SEP = '\u001e';
/** How much of the stored text a preview reads first (some 250 rows of the CTDC layout). */
const PREVIEW_CHARS = 64 * 1024;

/** The period's bounds (inclusive; null: open). */
export interface Period {
  from: string | null;
  to: string | null;
}

// The organisation's cases registered in the period. A case merged into another is left out:
// its person is counted on the kept case.
const PERIOD_CASES = `c.merged_into IS NULL
  AND ($1::date IS NULL OR c.registration_date >= $1::date)
  AND ($2::date IS NULL OR c.registration_date <= $2::date)`;

/** One entry of a case's `statistics` consent history, oldest first per case. */
export interface StatisticsConsentRow {
  caseId: string;
  id: string;
  granted: boolean;
  method: 'verbal' | 'written' | 'guardian' | null;
  recordedAt: Date;
  expiresOn: string | null;
}

/** NULL in a row sent as one text (U+0015; HTCDS codes and dates never hold it). */
const NULL = '\u0015';

/**
 * The entries as one text (rows joined by U+001E, fields by U+001F) instead of one result row
 * each: PGlite decodes 100,000 rows of six fields in about 1.5 s, one text in 0.1 s. The time
 * travels as epoch milliseconds, truncated as a parsed timestamptz is.
 */
const CONSENT_TEXT = `string_agg(k.case_id::text || E'\\x1f' || k.id::text || E'\\x1f' || k.granted::text
    || E'\\x1f' || coalesce(k.method, E'\\x15')
    || E'\\x1f' || floor(extract(epoch FROM k.recorded_at) * 1000)::bigint::text
    || E'\\x1f' || coalesce(k.expires_on::text, E'\\x15'),
  E'\\x1e' ORDER BY k.recorded_at, k.seq) AS text`;

function consentRowsOf(text: string | null | undefined): StatisticsConsentRow[] {
  if (!text) return [];
  return text.split(ROW_SEP).map((line) => {
    const [caseId, id, granted, method, at, expiresOn] = line.split(SEP) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      caseId,
      id,
      granted: granted === 'true',
      method: method === NULL ? null : (method as StatisticsConsentRow['method']),
      recordedAt: new Date(Number(at)),
      expiresOn: expiresOn === NULL ? null : expiresOn,
    };
  });
}

/** The `statistics` consent entries of the period's cases, in recording order. */
export async function listPeriodStatisticsConsents(
  tx: Tx,
  period: Period,
): Promise<StatisticsConsentRow[]> {
  const [row] = await tx.query<{ text: string | null }>(
    `SELECT ${CONSENT_TEXT}
       FROM consents k JOIN cases c ON c.id = k.case_id
      WHERE k.purpose = 'statistics' AND ${PERIOD_CASES}`,
    [period.from, period.to],
  );
  return consentRowsOf(row?.text);
}

/** The `statistics` consent entries of the cases a contribution was made from. */
export async function listContributionConsents(
  tx: Tx,
  contributionId: string,
): Promise<StatisticsConsentRow[]> {
  const [row] = await tx.query<{ text: string | null }>(
    // The array as one value (`= ANY`): joining its unnested elements made PGlite loop over
    // consents, tens of seconds at 20,000 cases.
    `SELECT ${CONSENT_TEXT}
       FROM consents k
      WHERE k.purpose = 'statistics'
        AND k.case_id = ANY((SELECT h.case_ids FROM hub_contribution_cases h
                              WHERE h.contribution_id = $1)::uuid[])`,
    [contributionId],
  );
  return consentRowsOf(row?.text);
}

/**
 * What the CTDC export needs of one case, coded fields in clear and the identity still sealed
 * (only its date of birth is used). Events and perpetrators are summarised in SQL.
 */
export interface ContributionCaseRow {
  id: string;
  personId: string;
  identity: Uint8Array;
  gender: string;
  registrationDate: string;
  ageAtRegistration: number | null;
  citizenship: string;
  countryOfExploitation: string | null;
  typeOfExploitation: string[];
  typeOfSexExploitation: string[] | null;
  forcedLabourIndustry: string | null;
  relationshipToTrafficker: string | null;
  ageWhenTrafficked: number | null;
  methodOfRecruitment: string[] | null;
  methodsOfControl: string[] | null;
  exploitationStartDate: string | null;
  exploitationCountry: string | null;
  recruitmentDate: string | null;
  perpetratorRoles: string[] | null;
}

/** The fields of a case row sent as text, in this order (`listPeriodCases`). */
const CASE_FIELDS = [
  'c.id::text',
  'c.person_id::text',
  // base64 breaks lines every 76 characters; Buffer.from ignores the breaks.
  "encode(p.identity, 'base64')",
  'c.gender',
  'c.registration_date::text',
  'c.age_at_registration::text',
  'c.citizenship::text',
  'c.country_of_exploitation::text',
  "array_to_string(c.type_of_exploitation, ',')",
  "array_to_string(pr.type_of_sex_exploitation, ',')",
  'pr.forced_labour_industry',
  'pr.relationship_to_trafficker',
  'pr.age_when_trafficked::text',
  "array_to_string(pr.method_of_recruitment, ',')",
  "array_to_string(pr.methods_of_control, ',')",
  'ev.exploitation_start::text',
  'evc.country::text',
  'ev.recruitment_date::text',
  'pp.roles',
] as const;

/** A field of `CASE_FIELDS` as read: null when the marker, else its text. */
const field = (v: string): string | null => (v === NULL ? null : v);
const list = (v: string): string[] => (v === NULL || v === '' ? [] : v.split(','));
const int = (v: string): number | null => (v === NULL ? null : Number(v));

/**
 * The period's cases with their victim context, the earliest exploitation and recruitment
 * dates, the country of the first exploitation event that names one, and the perpetrators'
 * roles merged; in id order. One statement (hash joins over pre-grouped events and
 * perpetrators, not a sub-query per case), its result one text: rows joined by U+001E, fields
 * by U+001F, NULL as U+0015 (PGlite decodes 100,000 result rows of 19 fields in about 3 s, one
 * text in 0.1 s). Code lists travel comma-joined (HTCDS codes hold no comma), the sealed
 * identity as base64. A field holding a separator (never a code) makes the read fail whole.
 */
export async function listPeriodCases(tx: Tx, period: Period): Promise<ContributionCaseRow[]> {
  // Sorting and hashing 100,000 cases within the default 4 MB spill to disk (3 times slower);
  // for this transaction only.
  await tx.query(`SELECT set_config('work_mem', '64MB', true)`);
  const [row] = await tx.query<{ n: number; text: string | null }>(
    `WITH ev AS (
       SELECT case_id,
              min(date) FILTER (WHERE type = 'Exploitation') AS exploitation_start,
              min(date) FILTER (WHERE type = 'Recruitment') AS recruitment_date
         FROM trafficking_events GROUP BY case_id),
     evc AS (
       SELECT DISTINCT ON (case_id) case_id, country
         FROM trafficking_events WHERE type = 'Exploitation' AND country IS NOT NULL
        ORDER BY case_id, date NULLS LAST, created_at, id),
     pp AS (
       SELECT x.case_id, string_agg(DISTINCT r, ',' ORDER BY r) AS roles
         FROM perpetrators x CROSS JOIN unnest(x.roles) AS r GROUP BY x.case_id)
     SELECT count(*)::int AS n,
            string_agg(${CASE_FIELDS.map((f) => `coalesce(${f}, E'\\x15')`).join(" || E'\\x1f' || ")},
                       E'\\x1e' ORDER BY c.id) AS text
       FROM cases c JOIN persons p ON p.id = c.person_id
       LEFT JOIN case_profiles pr ON pr.case_id = c.id
       LEFT JOIN ev ON ev.case_id = c.id
       LEFT JOIN evc ON evc.case_id = c.id
       LEFT JOIN pp ON pp.case_id = c.id
      WHERE ${PERIOD_CASES}`,
    [period.from, period.to],
  );
  if (!row?.text) return [];
  const lines = row.text.split(ROW_SEP);
  if (lines.length !== row.n) throw new Error('a case field holds a row separator');
  return lines.map((line) => {
    const f = line.split(SEP);
    if (f.length !== CASE_FIELDS.length) throw new Error('a case field holds a field separator');
    const [id, personId, identity, gender, registrationDate, ageAtRegistration, citizenship] = f;
    return {
      id: id!,
      personId: personId!,
      identity: Buffer.from(identity!, 'base64'),
      gender: gender!,
      registrationDate: registrationDate!,
      ageAtRegistration: int(ageAtRegistration!),
      citizenship: citizenship!,
      countryOfExploitation: field(f[7]!),
      typeOfExploitation: list(f[8]!),
      typeOfSexExploitation: list(f[9]!),
      forcedLabourIndustry: field(f[10]!),
      relationshipToTrafficker: field(f[11]!),
      ageWhenTrafficked: int(f[12]!),
      methodOfRecruitment: list(f[13]!),
      methodsOfControl: list(f[14]!),
      exploitationStartDate: field(f[15]!),
      exploitationCountry: field(f[16]!),
      recruitmentDate: field(f[17]!),
      // NULL: no perpetrator recorded (the abduction flag is then unknown, not "no")
      perpetratorRoles: f[18] === NULL ? null : list(f[18]!),
    };
  });
}

export interface NewContribution {
  id: string;
  orgId: string;
  label: string;
  registeredFrom: string | null;
  registeredTo: string | null;
  qi: readonly string[];
  k: number;
  suppressionLimit: number;
  casesConsidered: number;
  excludedWithoutConsent: number;
  suppressed: number;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  riskBefore: ContributionRisk;
  risk: ContributionRisk;
  utility: ContributionUtility;
  preparedBy: string;
  preparedAt: Date;
}

/** How many unit separators `line` holds; -1 when it holds a record separator. */
function separatorsIn(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 0x1f) n++;
    else if (ch === 0x1e) return -1;
  }
  return n;
}

export async function insertContribution(tx: Tx, c: NewContribution): Promise<void> {
  const lines = c.rows.map((r, i) => {
    const line = r.join(SEP);
    // A cell holding a separator would not read back as it was written.
    if (separatorsIn(line) !== r.length - 1) {
      throw new Error(`contribution row ${i + 1} holds a separator character`);
    }
    return line;
  });
  await tx.query(
    `INSERT INTO hub_contributions (id, org_id, status, label, registered_from, registered_to, qi,
       k, suppression_limit, cases_considered, excluded_without_consent, suppressed, columns,
       rows, row_count, risk_before, risk, utility, prepared_by, prepared_at)
     VALUES ($1, $2, 'prepared', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text, $14,
       $15::jsonb, $16::jsonb, $17::jsonb, $18, $19)`,
    [
      c.id,
      c.orgId,
      c.label,
      c.registeredFrom,
      c.registeredTo,
      c.qi,
      c.k,
      c.suppressionLimit,
      c.casesConsidered,
      c.excludedWithoutConsent,
      c.suppressed,
      c.columns,
      lines.join(ROW_SEP),
      c.rows.length,
      JSON.stringify(c.riskBefore),
      JSON.stringify(c.risk),
      JSON.stringify(c.utility),
      c.preparedBy,
      c.preparedAt,
    ],
  );
}

/** Records which cases a contribution was made from (never linked to its rows). */
export async function insertContributionCases(
  tx: Tx,
  contributionId: string,
  orgId: string,
  caseIds: readonly string[],
): Promise<void> {
  await tx.query(
    // The ids as one comma-joined text: PGlite sends it faster than a uuid[] parameter.
    `INSERT INTO hub_contribution_cases (contribution_id, org_id, case_ids)
     VALUES ($1, $2, string_to_array($3::text, ',')::uuid[])`,
    [contributionId, orgId, caseIds.join(',')],
  );
}

/** How many cases a contribution was made from. */
export async function countContributionCases(tx: Tx, contributionId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT coalesce(cardinality(case_ids), 0) AS n FROM hub_contribution_cases
      WHERE contribution_id = $1`,
    [contributionId],
  );
  return row?.n ?? 0;
}

/** A contribution as stored, without its rows (see `findContributionRows`). */
export interface ContributionRow {
  id: string;
  orgId: string;
  status: ContributionStatus;
  label: string;
  registeredFrom: string | null;
  registeredTo: string | null;
  qi: string[];
  k: number;
  suppressionLimit: number;
  casesConsidered: number;
  excludedWithoutConsent: number;
  suppressed: number;
  columns: string[];
  rowCount: number;
  riskBefore: ContributionRisk;
  risk: ContributionRisk;
  utility: ContributionUtility;
  preparedById: string;
  preparedByName: string;
  preparedAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  reason: Uint8Array | null;
  withdrawnAt: Date | null;
  hubSourceId: string | null;
}

const COLUMNS = `h.id, h.org_id AS "orgId", h.status, h.label,
  h.registered_from::text AS "registeredFrom", h.registered_to::text AS "registeredTo", h.qi,
  h.k, h.suppression_limit AS "suppressionLimit", h.cases_considered AS "casesConsidered",
  h.excluded_without_consent AS "excludedWithoutConsent", h.suppressed, h.columns,
  h.row_count AS "rowCount", h.risk_before AS "riskBefore", h.risk, h.utility,
  h.prepared_by AS "preparedById", pu.display_name AS "preparedByName",
  h.prepared_at AS "preparedAt", h.decided_by AS "decidedById",
  du.display_name AS "decidedByName", h.decided_at AS "decidedAt", h.reason,
  h.withdrawn_at AS "withdrawnAt", h.hub_source_id AS "hubSourceId"`;
const FROM = `hub_contributions h JOIN users pu ON pu.id = h.prepared_by
  LEFT JOIN users du ON du.id = h.decided_by`;

/** The contribution (undefined when missing or another organisation's); `lock` takes its row. */
export async function findContribution(
  tx: Tx,
  id: string,
  lock = false,
): Promise<ContributionRow | undefined> {
  const [row] = await tx.query<ContributionRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE h.id = $1 ${lock ? 'FOR NO KEY UPDATE OF h' : ''}`,
    [id],
  );
  return row;
}

export async function listContributions(
  tx: Tx,
  statuses: readonly ContributionStatus[] | null,
): Promise<ContributionRow[]> {
  return tx.query<ContributionRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE ($1::text[] IS NULL OR h.status = ANY($1::text[]))
      ORDER BY h.prepared_at DESC, h.id DESC`,
    [statuses],
  );
}

/**
 * The first `limit` rows (all when `limit` is null), in stored order. Equal rows may be one
 * array: treat the rows as read-only.
 */
export async function findContributionRows(
  tx: Tx,
  id: string,
  limit: number | null,
): Promise<string[][]> {
  if (limit !== null) {
    // A preview reads the head of the stored text only (stored uncompressed, so the database
    // reads just those pages), unless the first rows do not fit in it.
    const [head] = await tx.query<{ text: string | null }>(
      'SELECT substr(rows, 1, $2::int) AS text FROM hub_contributions WHERE id = $1',
      [id, PREVIEW_CHARS + 1],
    );
    if (!head?.text) return [];
    const lines = head.text.slice(0, PREVIEW_CHARS).split(ROW_SEP);
    // Cut short: the last line may be cut too.
    if (head.text.length > PREVIEW_CHARS) lines.pop();
    if (head.text.length <= PREVIEW_CHARS || lines.length >= limit) {
      return lines.slice(0, limit).map((line) => line.split(SEP));
    }
  }
  const [row] = await tx.query<{ text: string | null }>(
    'SELECT rows AS text FROM hub_contributions WHERE id = $1',
    [id],
  );
  const text = row?.text;
  if (!text) return [];
  const lines = text.split(ROW_SEP);
  // After generalisation most rows repeat (some 5,000 distinct of 100,000): a repeated row shares
  // the cells read for its first occurrence, read-only, instead of being split again.
  const seen = new Map<string, string[]>();
  return (limit === null ? lines : lines.slice(0, limit)).map((line) => {
    let cells = seen.get(line);
    if (!cells) seen.set(line, (cells = line.split(SEP)));
    return cells;
  });
}

export async function saveDecision(
  tx: Tx,
  id: string,
  d: {
    status: 'approved' | 'rejected';
    decidedBy: string;
    at: Date;
    reason: Uint8Array | null;
    hubSourceId: string | null;
  },
): Promise<void> {
  await tx.query(
    `UPDATE hub_contributions
        SET status = $2, decided_by = $3, decided_at = $4, reason = $5, hub_source_id = $6
      WHERE id = $1`,
    [id, d.status, d.decidedBy, d.at, d.reason, d.hubSourceId],
  );
}

export async function saveWithdrawal(
  tx: Tx,
  id: string,
  w: { withdrawnBy: string; at: Date; reason: Uint8Array | null },
): Promise<void> {
  await tx.query(
    `UPDATE hub_contributions
        SET status = 'withdrawn', withdrawn_by = $2, withdrawn_at = $3, reason = $4
      WHERE id = $1`,
    [id, w.withdrawnBy, w.at, w.reason],
  );
}
