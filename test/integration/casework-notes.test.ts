import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note, NoteList, Timeline } from '../../src/shared/api/casework.schema.ts';
import { auditEntries, issuePaths } from '../support/api.ts';
import { casework, ok } from '../support/casework.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Distinctive values in several scripts, written into every free-text field of casework.
const SECRET = {
  note: 'Zenebech stays with her cousin Selamawit at 14 Rue Quelconque',
  reason: 'Ворожбит confirmed the recruiter’s name',
  title: 'Call ফাতেমা about the passport EP7731905',
  comment: 'Agreed after speaking to Qaraqalpaq',
};
const NEEDLES = [
  'Zenebech',
  'Selamawit',
  'Quelconque',
  'Ворожбит',
  'ফাতেমা',
  'EP7731905',
  'Qaraqalpaq',
];

describe('case notes', () => {
  let t: TestLantern;
  let org: string;
  let cw: TestSession;
  let sup: TestSession;
  let cx: ReturnType<typeof casework>;

  beforeAll(async () => {
    t = await TestLantern.start();
    cx = casework(t);
    org = await t.createOrg('Notes');
    cw = await t.signIn(org, 'caseworker');
    sup = await t.signIn(org, 'supervisor');
  });
  afterAll(() => t.close());

  const addNote = (session: TestSession, caseId: string, text: string) =>
    t.request('POST', `/api/v1/cases/${caseId}/notes`, { session, body: { text } });
  const notes = (session: TestSession, caseId: string) =>
    t.request('GET', `/api/v1/cases/${caseId}/notes`, { session });

  it('appends notes and lists them oldest first; each read is audited, each write too', async () => {
    const { id } = await t.createCase(cw);
    const first = ok<Note>(
      await addNote(cw, id, 'First contact at the bus station.\nShaken.'),
      201,
    );
    expect(first).toMatchObject({
      caseId: id,
      text: 'First contact at the bus station.\nShaken.',
      author: { id: cw.userId },
      createdAt: t.clock.now().toISOString(),
    });
    t.clock.advance(60_000);
    ok(await addNote(sup, id, 'Supervision: safety plan agreed.'), 201);
    const listed = ok<NoteList>(await notes(cw, id));
    expect(listed.items.map((n) => [n.author.id, n.text])).toEqual([
      [cw.userId, 'First contact at the bus station.\nShaken.'],
      [sup.userId, 'Supervision: safety plan agreed.'],
    ]);
    const reads = (await auditEntries(t, org, 'case.notes.read')).filter((a) => a.recordId === id);
    expect(reads.map((a) => [a.actorId, a.recordType, a.fields])).toEqual([
      [cw.userId, 'case', ['notes']],
    ]);
    const writes = await auditEntries(t, org, 'note.created');
    expect(writes.map((a) => a.recordId)).toContain(first.id);
    expect(writes.every((a) => !a.text.includes('bus station'))).toBe(true);
  });

  it('shows notes on the timeline by reference only', async () => {
    const { id } = await t.createCase(cw);
    const note = ok<Note>(await addNote(cw, id, 'Private detail'), 201);
    const timeline = ok<Timeline>(await cx.timeline(cw, id));
    expect(timeline.items[1]).toMatchObject({
      kind: 'note_added',
      text: null,
      data: { noteId: note.id },
    });
    expect(JSON.stringify(timeline)).not.toContain('Private detail');
  });

  it('needs text, and keeps notes of another organisation out of reach', async () => {
    const { id } = await t.createCase(cw);
    expect(issuePaths(await addNote(cw, id, '  '))).toEqual(['text']);
    const stranger = await t.signIn(await t.createOrg('Elsewhere'), 'caseworker');
    expect((await notes(stranger, id)).status).toBe(404);
    expect((await addNote(stranger, id, 'x')).status).toBe(404);
  });

  it('never rewrites history: notes, transitions and events refuse UPDATE and DELETE', async () => {
    const { id } = await t.createCase(cw);
    ok(await addNote(cw, id, 'Kept'), 201);
    ok(await cx.move(cw, id, 'screening'), 201);
    for (const table of ['case_notes', 'case_transitions', 'case_events']) {
      await expect(
        t.database.superuser(`UPDATE ${table} SET org_id = org_id WHERE case_id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.database.superuser(`DELETE FROM ${table} WHERE case_id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
    }
  });

  it('stores no free text of casework in clear: the heap files hold none of it', async () => {
    const { id } = await t.createCase(cw);
    ok(await addNote(cw, id, SECRET.note), 201);
    ok(await cx.move(cw, id, 'screening', SECRET.reason), 201);
    const task = await t.request('POST', `/api/v1/cases/${id}/tasks`, {
      session: cw,
      body: { title: SECRET.title, dueDate: '2026-12-01' },
    });
    expect(task.status).toBe(201);
    const req = await cx.request(cw, id, {
      kind: 'closure',
      closureReason: 'other',
      reason: SECRET.reason,
    });
    ok(
      await cx.decide(sup, req.json<{ id: string }>().id, {
        decision: 'approved',
        comment: SECRET.comment,
      }),
    );
    ok(
      await t.request('PUT', `/api/v1/cases/${id}/owner`, {
        session: sup,
        body: { ownerId: sup.userId, reason: SECRET.reason },
      }),
    );
    // the values did go in: the API gives them back
    const shown = JSON.stringify([ok(await notes(cw, id)), ok(await cx.timeline(cw, id))]);
    for (const n of NEEDLES) expect(shown).toContain(n);

    await t.database.superuser('CHECKPOINT');
    const tables = [
      'case_notes',
      'case_transitions',
      'case_approvals',
      'tasks',
      'case_events',
      'audit_log',
    ];
    for (const table of tables) {
      const [row] = await t.database.superuser(
        `SELECT pg_read_binary_file(pg_relation_filepath('${table}')) AS bytes`,
      );
      const bytes = Buffer.from(row!.bytes as Uint8Array);
      expect(bytes.length, table).toBeGreaterThan(0);
      const found = NEEDLES.filter(
        (n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')),
      );
      expect([table, found]).toEqual([table, []]);
    }
  });

  it('binds each ciphertext to its note: a note moved onto another fails to open', async () => {
    const { id } = await t.createCase(cw);
    const a = ok<Note>(await addNote(cw, id, 'Note A'), 201);
    const b = ok<Note>(await addNote(cw, id, 'Note B'), 201);
    await t.database.superuser('ALTER TABLE case_notes DISABLE TRIGGER case_notes_append_only');
    try {
      await t.database.superuser(
        'UPDATE case_notes SET body = (SELECT body FROM case_notes WHERE id = $1) WHERE id = $2',
        [a.id, b.id],
      );
    } finally {
      await t.database.superuser('ALTER TABLE case_notes ENABLE TRIGGER case_notes_append_only');
    }
    expect((await notes(cw, id)).status).toBe(500);
  });
});
