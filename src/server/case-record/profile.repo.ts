import type { CaseProfile } from '../../shared/api/case-record.schema.ts';
import type { Tx } from '../db/database.ts';

/** The stored victim context: the profile without the case's own columns. */
export type ProfileFields = Omit<
  CaseProfile,
  | 'caseId'
  | 'traffickingStatus'
  | 'typeOfExploitation'
  | 'forcedLabourIndustryPath'
  | 'updatedAt'
  | 'updatedBy'
>;

export interface ProfileRow extends ProfileFields {
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string | null;
}

export async function findProfile(tx: Tx, caseId: string): Promise<ProfileRow | undefined> {
  const [row] = await tx.query<ProfileRow>(
    `SELECT p.trafficking_status_decision_making_org AS "traffickingStatusDecisionMakingOrg",
            p.type_of_sex_exploitation AS "typeOfSexExploitation",
            p.forced_labour_industry AS "forcedLabourIndustry",
            p.relationship_to_trafficker AS "relationshipToTrafficker",
            p.age_when_trafficked AS "ageWhenTrafficked",
            p.method_of_recruitment AS "methodOfRecruitment",
            p.recruitment_websites_and_apps AS "recruitmentWebsitesAndApps",
            p.exploitation_websites_and_apps AS "exploitationWebsitesAndApps",
            p.methods_of_control AS "methodsOfControl",
            p.updated_at AS "updatedAt", u.id AS "updatedById", u.display_name AS "updatedByName"
       FROM case_profiles p LEFT JOIN users u ON u.id = p.updated_by
      WHERE p.case_id = $1`,
    [caseId],
  );
  return row;
}

/** Inserts or replaces the case's profile. */
export async function saveProfile(
  tx: Tx,
  p: ProfileFields & { caseId: string; orgId: string; userId: string; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_profiles (case_id, org_id, trafficking_status_decision_making_org,
       type_of_sex_exploitation, forced_labour_industry, relationship_to_trafficker,
       age_when_trafficked, method_of_recruitment, recruitment_websites_and_apps,
       exploitation_websites_and_apps, methods_of_control, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (case_id) DO UPDATE SET
       trafficking_status_decision_making_org = EXCLUDED.trafficking_status_decision_making_org,
       type_of_sex_exploitation = EXCLUDED.type_of_sex_exploitation,
       forced_labour_industry = EXCLUDED.forced_labour_industry,
       relationship_to_trafficker = EXCLUDED.relationship_to_trafficker,
       age_when_trafficked = EXCLUDED.age_when_trafficked,
       method_of_recruitment = EXCLUDED.method_of_recruitment,
       recruitment_websites_and_apps = EXCLUDED.recruitment_websites_and_apps,
       exploitation_websites_and_apps = EXCLUDED.exploitation_websites_and_apps,
       methods_of_control = EXCLUDED.methods_of_control,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [
      p.caseId,
      p.orgId,
      p.traffickingStatusDecisionMakingOrg,
      p.typeOfSexExploitation,
      p.forcedLabourIndustry,
      p.relationshipToTrafficker,
      p.ageWhenTrafficked,
      p.methodOfRecruitment,
      p.recruitmentWebsitesAndApps,
      p.exploitationWebsitesAndApps,
      p.methodsOfControl,
      p.userId,
      p.now,
    ],
  );
}
