import {
  EncodingFile,
  EncodingsBody,
  MATCHES_MAX_BODY_BYTES,
  MatchesBody,
  MatchesResult,
} from '../../shared/api/linkage.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { createEncodings, matchFiles } from './pprl.service.ts';

/** Privacy-preserving linkage between organisations (docs/pprl.md). Supervisors only. */
export function registerPprlRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['linkage'];

  app.post(
    '/linkage/encodings',
    {
      schema: {
        tags,
        summary:
          'The organisation’s cases that consent to family tracing, as keyed Bloom-filter encodings (a download; audited)',
        description:
          'Encodes under the secret shared with the other organisation only. The file holds case references and encodings: no name, date or place. Cases without family-tracing consent now are left out. See docs/pprl.md.',
        body: EncodingsBody,
        response: responses({ 200: EncodingFile }),
      },
    },
    async (req, reply) => {
      const out = await secured(deps, req, { action: 'linkage:pprl' }, (ctx) =>
        createEncodings(ctx, req.body),
      );
      return reply
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('cache-control', 'no-store')
        .send(out.file);
    },
  );

  app.post(
    '/linkage/matches',
    {
      // Two encoding files of ~200 bytes per record: above the default 1 MiB for this route only.
      bodyLimit: MATCHES_MAX_BODY_BYTES,
      schema: {
        tags,
        summary: 'Link two encoding files by Dice similarity, one to one (encodings only; audited)',
        description:
          'Either file may be this organisation’s or another’s. The result names records by the ids in the files; nothing is looked up. Files made under different secrets or schemas are refused with 400. See docs/pprl.md.',
        body: MatchesBody,
        response: responses({ 200: MatchesResult }),
      },
    },
    (req) => secured(deps, req, { action: 'linkage:pprl' }, (ctx) => matchFiles(ctx, req.body)),
  );
}
