import type { Note, NoteCreateBody, NoteList } from '../../shared/api/casework.schema.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import { findColleague } from './case-state.repo.ts';
import { recordEvent, requireCase } from './casework-support.ts';
import { insertNote, listNotes } from './notes.repo.ts';
import { AAD, openText, sealText } from './sealed-text.ts';

/**
 * Appends a note to a case. Notes hold personal details, so the text is sealed with the
 * organisation's key (additional data `case-note:<id>`); notes are never edited or deleted.
 */
export async function addNote(
  ctx: ServiceContext,
  caseId: string,
  body: NoteCreateBody,
): Promise<Note> {
  const c = await requireCase(ctx, caseId);
  const id = newId();
  const at = ctx.clock.now();
  await insertNote(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    caseId: c.id,
    body: sealText(await ctx.keys(), AAD.note(id), body.text),
    authorId: ctx.actor.userId,
    at,
  });
  await recordEvent(ctx, c.id, 'note_added', { refId: id, data: { noteId: id } });
  await ctx.audit({
    action: 'note.created',
    recordType: 'case_note',
    recordId: id,
    fields: ['text'],
  });
  const author = await findColleague(ctx.tx, ctx.actor.userId);
  return {
    id,
    caseId: c.id,
    text: body.text,
    author: { id: ctx.actor.userId, displayName: author?.displayName ?? '' },
    createdAt: at.toISOString(),
  };
}

/** A case's notes, decrypted; the read is audited like a read of the person's identity. */
export async function notesOfCase(ctx: ServiceContext, caseId: string): Promise<NoteList> {
  const c = await requireCase(ctx, caseId);
  const keys = await ctx.keys();
  const rows = await listNotes(ctx.tx, c.id);
  await ctx.audit({
    action: 'case.notes.read',
    recordType: 'case',
    recordId: c.id,
    fields: rows.length ? ['notes'] : [],
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      text: openText(keys, AAD.note(r.id), r.body),
      author: { id: r.authorId, displayName: r.authorName },
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
