import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/shared/api/cases.schema.ts';
import type { ConsentOverview } from '../../src/shared/api/consent.schema.ts';
import type { NoteList } from '../../src/shared/api/casework.schema.ts';
import type { AssistancePlanResponse } from '../../src/shared/api/case-record.schema.ts';
import type {
  CaseMergeInfo,
  DuplicateCheckResult,
  DuplicateList,
  MergeResult,
} from '../../src/shared/api/duplicates.schema.ts';
import { loadOrgKeys } from '../../src/server/crypto/org-keys.ts';
import { orgScope } from '../../src/server/db/database.ts';
import type { AppError } from '../../src/server/http/app-error.ts';
import { MERGE_PLAN, mergeCases } from '../../src/server/reunite/merge.service.ts';
import { auditEntries, caseWith, errorOf, issuePaths } from '../support/api.ts';
import { addRecordParts, recordUrl, valid } from '../support/case-record.ts';
import { createDraft, insertProvider, insertService } from '../support/referrals.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

const ok = <T>(res: TestResponse, status = 200): T => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.json<T>();
};

// Merging a duplicate keeps everything: every record of the merged case is re-pointed to the
// kept case or copied there with provenance, consent histories are combined safely, the merged
// case stays as a tombstone that points at the kept one, and the audit chain names both.
describe('merging duplicate cases', () => {
  let t: TestLantern;
  let org: string;
  let sup: TestSession;
  let sup2: TestSession;
  let cw: TestSession;
  let kept: { id: string; reference: string };
  let merged: { id: string; reference: string };
  let result: MergeResult;
  const before: Record<string, { kept: number; merged: number }> = {};

  const post = (session: TestSession, url: string, body: unknown) =>
    t.request('POST', `/api/v1${url}`, { session, body });
  const get = (session: TestSession, url: string) => t.request('GET', `/api/v1${url}`, { session });
  const scanAndFind = async (a: string, b: string) => {
    ok(await post(sup, '/duplicates/scan', {}));
    const { items } = ok<DuplicateList>(await get(sup, '/duplicates?limit=100'));
    const pair = items.find((p) => [p.a.id, p.b.id].sort().join() === [a, b].sort().join());
    if (!pair) throw new Error('pair not found by the scan');
    return pair;
  };
  /** Rows of a table per case, outside row-level security. */
  const countOn = async (table: string, caseId: string) =>
    Number(
      (
        await t.database.superuser(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [
          caseId,
        ])
      )[0]!.n,
    );
  const CHILD_TABLES = Object.keys(MERGE_PLAN).filter(
    (n) => !['cases', 'duplicate_pairs', 'case_merges'].includes(n),
  );

  beforeAll(async () => {
    t = await TestLantern.start();
    org = await t.createOrg('Merging org');
    sup = await t.signIn(org, 'supervisor');
    sup2 = await t.signIn(org, 'supervisor');
    cw = await t.signIn(org, 'caseworker');

    kept = await t.createCase(
      cw,
      caseWith({ givenName: 'Amina', familyName: 'Okafor', aliases: ['Mina'] }),
    );
    merged = await t.createCase(
      cw,
      caseWith(
        {
          givenName: 'Aminah',
          familyName: 'Okafor',
          phone: '+234 801 234 5678',
          documentNumber: 'A7',
        },
        { countryOfExploitation: 'FR', typeOfExploitation: ['ForcedLabour'] },
      ),
    );
    // The kept case: a profile, a note, and (later) a family-tracing grant.
    ok(
      await t.request('PUT', recordUrl(kept.id, 'profile'), {
        session: cw,
        body: { methodsOfControl: ['DebtBondage'] },
      }),
    );
    ok(await post(cw, `/cases/${kept.id}/notes`, { text: 'Kept note' }), 201);

    // The merged case: something in every table that references a case.
    await addRecordParts(t, sup, merged.id);
    ok(
      await t.request('PUT', recordUrl(merged.id, 'profile'), {
        session: cw,
        body: {
          methodsOfControl: ['WithholdsDocuments'],
          relationshipToTrafficker: 'Unaquainted',
          ageWhenTrafficked: 24,
        },
      }),
    );
    ok(
      await t.request('PUT', recordUrl(merged.id, 'plan'), {
        session: cw,
        body: {
          objectives: 'Safe housing',
          actionPlan: 'Shelter first',
          startDate: '2026-05-20',
          services: [{ type: 'SocialCare', provider: 'Casa Rut' }, { type: 'Legal' }],
        },
      }),
    );
    ok(
      await post(cw, recordUrl(merged.id, 'follow-ups').slice(7), {
        date: '2026-05-22',
        notes: 'Settled in',
      }),
      201,
    );
    ok(
      await post(cw, recordUrl(merged.id, 'reintegration').slice(7), {
        economic: 'Reached',
        social: 'Reached',
        psychosocial: 'Reached',
        notes: 'Working',
      }),
      201,
    );
    ok(
      await t.request('PUT', recordUrl(merged.id, 'sensitive/health'), {
        session: sup,
        body: { physicalHealth: 'Fractured wrist' },
      }),
    );
    ok(await post(cw, `/cases/${merged.id}/notes`, { text: 'Merged note about the flat' }), 201);
    ok(
      await post(cw, `/cases/${merged.id}/tasks`, {
        title: 'Call the lawyer',
        dueDate: '2026-06-10',
      }),
      201,
    );
    ok(await post(cw, `/cases/${merged.id}/screenings`, { instrumentId: 'palermo' }), 201);
    ok(
      await post(cw, `/cases/${merged.id}/transitions`, { to: 'screening', reason: 'Screen' }),
      201,
    );
    const approval = ok<{ id: string }>(
      await post(cw, `/cases/${merged.id}/approvals`, {
        kind: 'victim_determination',
        traffickingStatus: 'ActualVictimOfTrafficking',
        reason: 'Police report',
      }),
      201,
    );
    ok(await post(sup, `/approvals/${approval.id}/decision`, { decision: 'approved' }));

    // Consent: the merged record granted then withdrew family tracing; the kept record granted
    // it later (by someone who could not see the withdrawal). Referral was granted on the merged.
    ok(
      await post(cw, `/cases/${merged.id}/consents`, {
        purpose: 'family_tracing',
        method: 'verbal',
      }),
      201,
    );
    ok(
      await post(cw, `/cases/${merged.id}/consents`, { purpose: 'referral', method: 'written' }),
      201,
    );
    t.clock.advance(60_000);
    ok(await post(cw, `/cases/${merged.id}/consents/withdraw`, { purpose: 'family_tracing' }), 201);
    t.clock.advance(60_000);
    ok(
      await post(cw, `/cases/${kept.id}/consents`, {
        purpose: 'family_tracing',
        method: 'written',
      }),
      201,
    );

    const provider = await insertProvider(t, { orgId: org, providerOrgId: null });
    const service = await insertService(t, { orgId: org, providerId: provider });
    await createDraft(t, cw, { caseId: merged.id, serviceId: service, fields: ['age'] });

    // Rows other capabilities write: a gap in the directory, and a tracing proposal.
    await t.database.superuser(
      `INSERT INTO unmet_needs (id, org_id, case_id, service_type, radius_km, reason, recorded_by, recorded_at)
       VALUES ($1, $2, $3, 'shelter', 50, 'none_in_range', $4, now())`,
      [randomUUID(), org, merged.id, cw.userId],
    );
    const request = randomUUID();
    await t.database.superuser(
      `INSERT INTO tracing_requests (id, org_id, reference, status, sought, enquirer, enquirer_kind, created_by, created_at, updated_at)
       VALUES ($1, $2, 'TR-2026-000001', 'open', '\\x00', '\\x00', 'family', $3, now(), now())`,
      [request, org, cw.userId],
    );
    await t.database.superuser(
      `INSERT INTO tracing_candidates (id, org_id, request_id, case_id, status, rank, weight, probability, explanation, proposed_at)
       VALUES ($1, $2, $3, $4, 'proposed', 1, 10, 0.9, '[]', now())`,
      [randomUUID(), org, request, merged.id],
    );

    for (const table of CHILD_TABLES) {
      before[table] = {
        kept: await countOn(table, kept.id),
        merged: await countOn(table, merged.id),
      };
    }
    const pair = await scanAndFind(kept.id, merged.id);
    result = ok<MergeResult>(await post(sup, `/duplicates/${pair.id}/merge`, { keep: kept.id }));
  });
  afterAll(() => t.close());

  it('fills every child table of the merged case in this test (so the checks below mean something)', () => {
    const empty = CHILD_TABLES.filter((n) => before[n]!.merged === 0);
    expect(empty).toEqual([]);
  });

  it('moves or copies every child record to the kept case, as the merge plan says', async () => {
    for (const table of CHILD_TABLES) {
      const how = MERGE_PLAN[table as keyof typeof MERGE_PLAN].how;
      const now = { kept: await countOn(table, kept.id), merged: await countOn(table, merged.id) };
      const b = before[table]!;
      const msg = `${table} (${how})`;
      if (how === 'repoint') {
        expect(now, msg).toEqual({ kept: b.kept + b.merged, merged: 0 });
      } else if (how === 'copy') {
        expect(now.merged, msg).toBeGreaterThanOrEqual(b.merged);
        expect(now.kept, msg).toBeGreaterThanOrEqual(
          b.kept + (table === 'case_events' ? b.merged : 1),
        );
      } else if (how === 'fold') {
        expect(now.kept, msg).toBe(1);
      } else {
        expect(now, msg).toEqual(b);
      }
    }
  });

  it('records the provenance of every source record', async () => {
    const items = await t.database.superuser(
      'SELECT table_name, action, count(*)::int AS n FROM case_merge_items WHERE merge_id = $1 GROUP BY 1, 2',
      [result.mergeId],
    );
    const by = new Map(items.map((r) => [String(r.table_name), Number(r.n)]));
    for (const table of CHILD_TABLES) {
      if (table === 'case_profiles' || table === 'assistance_plans') continue;
      const expected = before[table]!.merged;
      const counted = items.filter((r) => r.table_name === table && r.action !== 'folded');
      expect(
        counted.reduce((s, r) => s + Number(r.n), 0),
        table,
      ).toBe(expected);
    }
    expect(by.get('case_profiles')).toBe(1);
    expect(result.tables.find((x) => x.table === 'trafficking_events')).toMatchObject({
      repointed: 1,
    });
  });

  it('keeps sealed records readable on the kept case', async () => {
    const notes = ok<NoteList>(await get(sup, `/cases/${kept.id}/notes`)).items.map((n) => n.text);
    expect(notes).toEqual(expect.arrayContaining(['Kept note', 'Merged note about the flat']));
    const plan = ok<AssistancePlanResponse>(await get(sup, `/cases/${kept.id}/plan`)).plan!;
    expect(plan.objectives).toBe('Safe housing');
    expect(plan.services.map((s) => s.provider)).toEqual(['Casa Rut', null]);
    const record = ok<{ sensitive: { health?: { content: { physicalHealth: string } } } }>(
      await get(sup, `/cases/${kept.id}/record`),
    );
    expect(record.sensitive.health?.content.physicalHealth).toBe('Fractured wrist');
    const follow = ok<{ items: { notes: string }[] }>(
      await get(sup, `/cases/${kept.id}/follow-ups`),
    );
    expect(follow.items.map((f) => f.notes)).toEqual(['Settled in']);
    // and the tombstone's own copies still open too
    const old = ok<NoteList>(await get(sup, `/cases/${merged.id}/notes`)).items.map((n) => n.text);
    expect(old).toEqual(['Merged note about the flat']);
  });

  it('folds the profile and the case facts', async () => {
    const profile = ok<{ methodsOfControl: string[]; ageWhenTrafficked: number | null }>(
      await t.request('GET', recordUrl(kept.id, 'profile'), { session: cw }),
    );
    expect(profile.methodsOfControl).toEqual(['DebtBondage', 'WithholdsDocuments']);
    expect(profile.ageWhenTrafficked).toBe(24);
    const c = ok<CaseDetail>(await get(sup, `/cases/${kept.id}`));
    expect(c.typeOfExploitation).toEqual(['SexualExploitation', 'ForcedLabour']);
  });

  it('folds the merged identity into the kept person’s aliases, sealed', async () => {
    const c = ok<CaseDetail>(await get(sup, `/cases/${kept.id}`));
    expect(c.person.aliases).toEqual(['Mina', 'Aminah Okafor']);
    expect(c.person).toMatchObject({
      phone: '+234 801 234 5678',
      documentNumber: 'A7',
      givenName: 'Amina',
    });
    const rows = await t.database.superuser('SELECT p::text AS text FROM persons p');
    for (const r of rows) expect(r.text).not.toContain('Aminah');
  });

  it('leaves the merged case as a closed tombstone pointing at the kept one', async () => {
    const [row] = await t.database.superuser(
      'SELECT stage, status, merged_into FROM cases WHERE id = $1',
      [merged.id],
    );
    expect(row).toEqual({ stage: 'closed', status: 'Closed', merged_into: kept.id });
    const info = ok<CaseMergeInfo>(await get(sup, `/cases/${merged.id}/merge`));
    expect(info.mergedInto).toMatchObject({
      id: kept.id,
      reference: kept.reference,
      mergeId: result.mergeId,
    });
    expect(ok<CaseMergeInfo>(await get(sup, `/cases/${kept.id}/merge`)).mergedFrom).toEqual([
      {
        id: merged.id,
        reference: merged.reference,
        mergeId: result.mergeId,
        mergedAt: result.mergedAt,
      },
    ]);
    // The reference still resolves.
    const found = ok<{ items: { id: string }[] }>(
      await get(sup, `/cases?reference=${merged.reference}`),
    );
    expect(found.items.map((i) => i.id)).toEqual([merged.id]);
    // Reopening it is refused by the database, whatever a service does.
    const error = await t.database
      .superuser(`UPDATE cases SET stage = 'intake', status = 'Active' WHERE id = $1`, [merged.id])
      .catch((e: unknown) => e);
    expect(String(error)).toMatch(/cases_merged_closed/);
    const undo = await t.database
      .superuser('UPDATE cases SET merged_into = NULL WHERE id = $1', [merged.id])
      .catch((e: unknown) => e);
    expect(String(undo)).toMatch(/not undone/);
  });

  it('refuses every new write about the tombstone (409), for any writer, and still reads it', async () => {
    const writes: [string, unknown][] = [
      [`/cases/${merged.id}/notes`, { text: 'Called her back.' }],
      [`/cases/${merged.id}/consents`, { purpose: 'assistance', method: 'verbal' }],
      [`/cases/${merged.id}/needs`, valid.need()],
    ];
    for (const [path, body] of writes) {
      const res = await t.request('POST', `/api/v1${path}`, { session: sup, body });
      expect(res.status, path).toBe(409);
      expect(errorOf(res), path).toMatchObject({
        code: 'conflict',
        details: { reason: 'case_merged' },
      });
    }
    // the database says the same to a writer that bypasses the services
    const direct = await t.database
      .superuser(
        `INSERT INTO case_events (id, org_id, case_id, kind, at) SELECT gen_random_uuid(), org_id, id, 'note_added', now() FROM cases WHERE id = $1`,
        [merged.id],
      )
      .catch((e: unknown) => e);
    expect(String(direct)).toMatch(/merged into another case and is read-only/);
    expect((await get(sup, `/cases/${merged.id}/notes`)).status).toBe(200);
  });

  it('shows the merge on both timelines, and copies the merged case’s history to the kept one', async () => {
    const events = await t.database.superuser(
      `SELECT case_id, data FROM case_events WHERE kind = 'case_merged' ORDER BY case_id`,
    );
    expect(events.map((e) => e.case_id).sort()).toEqual([kept.id, merged.id].sort());
    expect(events[0]!.data).toMatchObject({
      mergeId: result.mergeId,
      keptCaseId: kept.id,
      mergedCaseId: merged.id,
    });
    const copied = await t.database.superuser(
      `SELECT kind FROM case_events WHERE case_id = $1 AND data->>'mergedFrom' = $2 ORDER BY at, seq`,
      [kept.id, merged.id],
    );
    expect(copied.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['stage_changed', 'approval_requested', 'note_added', 'task_created']),
    );
  });

  it('combines consent histories in time order, and the safest reading wins', async () => {
    const c = ok<ConsentOverview>(await get(sup, `/cases/${kept.id}/consents`));
    // 1 kept + 3 merged + 1 withdrawal recorded by the merge
    expect(c.history).toHaveLength(5);
    const times = c.history.map((h) => h.recordedAt);
    expect(times).toEqual([...times].sort().reverse());
    const tracing = c.current.find((q) => q.purpose === 'family_tracing')!;
    expect(tracing).toMatchObject({ allowed: false, basis: 'withdrawn' });
    expect(c.history[0]).toMatchObject({
      purpose: 'family_tracing',
      granted: false,
      recordedBy: { id: sup.userId },
    });
    expect(c.history[0]!.note).toContain(merged.reference);
    // A grant given on one record applies to the person.
    expect(
      c.current.find((q) => q.purpose === 'referral' && q.serviceType === 'shelter')!.allowed,
    ).toBe(true);
    expect(result.consent).toEqual({
      copied: 3,
      conflicts: [{ purpose: 'family_tracing', serviceType: null }],
    });
  });

  it('audits the merge in the organisation’s chain, naming both cases', async () => {
    const [m] = await auditEntries(t, org, 'case.merged');
    const [k] = await auditEntries(t, org, 'case.merge_kept');
    expect(m).toMatchObject({ actorId: sup.userId, recordType: 'case', recordId: merged.id });
    expect(m!.fields).toEqual(
      expect.arrayContaining([`into:${kept.id}`, `merge:${result.mergeId}`]),
    );
    expect(k).toMatchObject({ recordId: kept.id });
    expect(k!.fields).toEqual(
      expect.arrayContaining([`from:${merged.id}`, `merge:${result.mergeId}`]),
    );
    expect((await auditEntries(t, org, 'person.updated')).length).toBe(1);
  });

  it('the tombstone is no longer a candidate: its match keys are gone', async () => {
    const keys = await t.database.superuser(
      `SELECT count(*)::int AS n FROM person_match_keys k JOIN cases c ON c.person_id = k.person_id WHERE c.id = $1`,
      [merged.id],
    );
    expect(keys[0]!.n).toBe(0);
    const res = ok<DuplicateCheckResult>(
      await post(cw, '/cases/duplicates/check', {
        person: {
          givenName: 'Aminah',
          familyName: 'Okafor',
          dateOfBirth: '1998-04-12',
          gender: 'Feminine',
        },
      }),
    );
    expect(res.items.map((i) => i.caseId)).toEqual([kept.id]);
  });

  describe('refusals', () => {
    const pairOf = async () => {
      const a = await t.createCase(
        cw,
        caseWith({ givenName: 'Grace', familyName: 'Mensah', dateOfBirth: '1985-01-30' }),
      );
      const b = await t.createCase(
        cw,
        caseWith({ givenName: 'Grace', familyName: 'Mensa', dateOfBirth: '1985-01-30' }),
      );
      return { a, b, pair: await scanAndFind(a.id, b.id) };
    };

    it('refuses a pair already merged, and a merged case', async () => {
      const { items } = ok<DuplicateList>(await get(sup, '/duplicates?state=merged'));
      expect(items).toHaveLength(1);
      const res = await post(sup, `/duplicates/${items[0]!.id}/merge`, { keep: kept.id });
      expect(res.status).toBe(409);
      expect(errorOf(res).details).toEqual({ from: 'merged', to: 'merged' });
    });

    it('refuses while an approval is pending on either case, and changes nothing', async () => {
      const { a, b, pair } = await pairOf();
      const approval = ok<{ id: string }>(
        await post(cw, `/cases/${b.id}/approvals`, {
          kind: 'closure',
          closureReason: 'other',
          reason: 'Gone',
        }),
        201,
      );
      const res = await post(sup, `/duplicates/${pair.id}/merge`, { keep: a.id });
      expect(res.status).toBe(409);
      expect(errorOf(res).message).toMatch(/approval is pending/);
      expect(errorOf(res).details).toEqual({ approvalIds: [approval.id] });
      const [row] = await t.database.superuser(
        'SELECT merged_into, stage FROM cases WHERE id = $1',
        [b.id],
      );
      expect(row).toEqual({ merged_into: null, stage: 'intake' });
      ok(
        await post(sup2, `/approvals/${approval.id}/decision`, {
          decision: 'rejected',
          comment: 'Not yet',
        }),
      );
      ok(await post(sup, `/duplicates/${pair.id}/merge`, { keep: a.id }));
    });

    it('refuses a kept case outside the pair (400) and a caseworker (403)', async () => {
      const { pair } = await pairOf();
      const res = await post(sup, `/duplicates/${pair.id}/merge`, { keep: kept.id });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['keep']);
      expect((await post(cw, `/duplicates/${pair.id}/merge`, { keep: pair.a.id })).status).toBe(
        403,
      );
    });

    /** Calls the merge service directly, as organisation A's supervisor. */
    const mergeDirect = (keepId: string, mergeId: string) =>
      t.db
        .transaction(orgScope(org, sup.userId), (tx) =>
          mergeCases(
            {
              tx,
              actor: { userId: sup.userId, orgId: org, role: 'supervisor', sessionId: 'test' },
              clock: t.clock,
              keys: () => loadOrgKeys(tx, t.keyring, org),
              keyring: t.keyring,
              audit: async () => {},
            },
            { keepId, mergeId, pairId: null },
          ),
        )
        .catch((e: unknown) => e as AppError);

    it('refuses a case into itself, in the service and below it', async () => {
      const { a } = await pairOf();
      const refused = await mergeDirect(a.id, a.id);
      expect(refused).toMatchObject({
        code: 'conflict',
        message: 'A case cannot be merged into itself.',
      });
      const error = await t.database
        .superuser('UPDATE cases SET merged_into = id, stage = $2 WHERE id = $1', [a.id, 'closed'])
        .catch((e: unknown) => e);
      expect(String(error)).toMatch(/cases_merged_not_self/);
    });

    it('refuses across organisations: 404 by the API, impossible in the database', async () => {
      const { a, pair } = await pairOf();
      const orgB = await t.createOrg('Other org');
      const supB = await t.signIn(orgB, 'supervisor');
      const cwB = await t.signIn(orgB, 'caseworker');
      const theirs = await t.createCase(cwB);
      const res = await post(supB, `/duplicates/${pair.id}/merge`, { keep: pair.a.id });
      expect(res.status).toBe(404);
      expect((await get(supB, `/cases/${a.id}/merge`)).status).toBe(404);
      expect(await mergeDirect(theirs.id, a.id)).toMatchObject({ code: 'not_found' });
      // Under organisation A's row-level security, a pointer to B's case cannot be written.
      const error = await t.db
        .transaction(orgScope(org, sup.userId), (tx) =>
          tx.query(`UPDATE cases SET merged_into = $2, stage = 'closed' WHERE id = $1`, [
            a.id,
            theirs.id,
          ]),
        )
        .catch((e: unknown) => e);
      expect(String(error)).toMatch(/foreign key|violates/);
      const [row] = await t.database.superuser('SELECT merged_into FROM cases WHERE id = $1', [
        a.id,
      ]);
      expect(row!.merged_into).toBeNull();
    });
  });
});
