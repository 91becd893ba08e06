import { Note, NoteCreateBody, NoteList } from '../../shared/api/casework.schema.ts';
import { IdParams } from '../../shared/api/common.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { addNote, notesOfCase } from './notes.service.ts';

/** Append-only case notes, encrypted at rest; reading them is audited. */
export function registerNoteRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['casework'];
  app.post(
    '/cases/:id/notes',
    {
      schema: {
        tags,
        summary: 'Append a note to a case (encrypted at rest; notes are never edited)',
        params: IdParams,
        body: NoteCreateBody,
        response: responses({ 201: Note }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'note:write' }, (ctx) =>
        addNote(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/cases/:id/notes',
    {
      schema: {
        tags,
        summary: 'The notes of a case, oldest first (the read is audited)',
        params: IdParams,
        response: responses({ 200: NoteList }),
      },
    },
    (req) => secured(deps, req, { action: 'note:read' }, (ctx) => notesOfCase(ctx, req.params.id)),
  );
}
