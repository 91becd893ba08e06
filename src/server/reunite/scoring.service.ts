import type { Model } from '../../shared/linkage/model.ts';
import type { ServiceContext } from '../http/context.ts';
import { serverModel } from './matcher.ts';
import { countOrgCases } from './scoring.repo.ts';

/**
 * The match model for the actor's organisation: the default model with the prior for the number
 * of cases it has registered (matcher.ts `serverModel`; docs/reunite.md, "The match model").
 */
export async function scoringModel(ctx: ServiceContext): Promise<Model> {
  return serverModel(await countOrgCases(ctx.tx, ctx.actor.orgId));
}
