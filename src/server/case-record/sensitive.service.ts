import type { SectionContent, SectionRecord } from '../../shared/api/case-record.schema.ts';
import type { SensitiveSection } from '../../shared/policy/sensitive-sections.ts';
import { SECTION_ACTION } from '../../shared/policy/sensitive-sections.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import type { ServiceContext } from '../http/context.ts';
import { authorize } from '../policy/policy.ts';
import { requireCase } from './case-facts.ts';
import type { SensitiveRow } from './sensitive.repo.ts';
import { listSections, saveSection } from './sensitive.repo.ts';
import { filledFields, openJson, sealJson } from './sealed.ts';

// Health, sexual violence and criminal justice notes (docs/decisions/0004). Each is one sealed
// document per case, bound to its case and section, and readable only with the section's grant:
// checked here as well as by the route, so that no other caller can skip it.

const aad = (caseId: string, section: SensitiveSection) => `case_sensitive:${caseId}:${section}`;

type Sections = { [S in SensitiveSection]?: SectionRecord<S> };

function present<S extends SensitiveSection>(
  keys: OrgKeys,
  caseId: string,
  section: S,
  row: SensitiveRow | undefined,
): SectionRecord<S> {
  if (!row) return { section, content: null, updatedAt: null, updatedBy: null } as SectionRecord<S>;
  return {
    section,
    content: openJson<SectionContent[S]>(keys, aad(caseId, section), row.content),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedById
      ? { id: row.updatedById, displayName: row.updatedByName ?? '' }
      : null,
  } as SectionRecord<S>;
}

/**
 * The given sections of a case, decrypted, each audited as `case.sensitive.read`. The caller
 * passes only sections the user is granted; each is checked again here.
 */
export async function sectionsOf(
  ctx: ServiceContext,
  caseId: string,
  sections: readonly SensitiveSection[],
): Promise<Sections> {
  for (const s of sections) authorize(ctx.actor.role, SECTION_ACTION[s]);
  if (sections.length === 0) return {};
  const keys = await ctx.keys();
  const rows = new Map((await listSections(ctx.tx, caseId, sections)).map((r) => [r.section, r]));
  const out: Record<string, unknown> = {};
  for (const section of sections) {
    out[section] = present(keys, caseId, section, rows.get(section));
    await ctx.audit({
      action: 'case.sensitive.read',
      recordType: 'case_sensitive',
      recordId: caseId,
      fields: [section],
    });
  }
  return out;
}

export async function getSection<S extends SensitiveSection>(
  ctx: ServiceContext,
  caseId: string,
  section: S,
): Promise<SectionRecord<S>> {
  await requireCase(ctx, caseId);
  const sections = await sectionsOf(ctx, caseId, [section]);
  return sections[section] as SectionRecord<S>;
}

/** Replaces one section's content; the audit entry names the fields written. */
export async function putSection<S extends SensitiveSection>(
  ctx: ServiceContext,
  caseId: string,
  section: S,
  content: SectionContent[S],
): Promise<SectionRecord<S>> {
  authorize(ctx.actor.role, SECTION_ACTION[section]);
  await requireCase(ctx, caseId, { lock: true });
  const now = ctx.clock.now();
  await saveSection(ctx.tx, {
    caseId,
    orgId: ctx.actor.orgId,
    section,
    content: sealJson(await ctx.keys(), aad(caseId, section), content),
    userId: ctx.actor.userId,
    now,
  });
  await ctx.audit({
    action: 'case.sensitive.updated',
    recordType: 'case_sensitive',
    recordId: caseId,
    fields: filledFields(content, `${section}.`),
  });
  const [row] = await listSections(ctx.tx, caseId, [section]);
  return present(await ctx.keys(), caseId, section, row);
}
