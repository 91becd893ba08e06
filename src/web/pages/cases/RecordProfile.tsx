import { useTranslation } from 'react-i18next';
import type { CaseProfile } from '../../../shared/api/case-record.schema.ts';
import { FactList } from '../../components/FactList.tsx';
import { useRecordLabels } from './use-record-labels.ts';

/** The victim context (HTCDS vic_ fields): control, recruitment, industry, relationship. */
export function RecordProfile({ profile: p }: { profile: CaseProfile }) {
  const { t } = useTranslation();
  const l = useRecordLabels();
  const f = (k: string) =>
    t(`casePanels.record.fields.${k}` as 'casePanels.record.fields.methodsOfControl');
  const industry = l.many('industry', p.forcedLabourIndustryPath);
  return (
    <>
      <h3>{t('casePanels.record.profile')}</h3>
      <FactList
        facts={[
          { label: f('methodsOfControl'), value: l.many('methodOfControl', p.methodsOfControl) },
          {
            label: f('industry'),
            value: p.forcedLabourIndustry ? industry : t('common.notRecorded'),
          },
          {
            label: f('relationshipToTrafficker'),
            value: l.one('relationshipToTrafficker', p.relationshipToTrafficker),
          },
          { label: f('recruitment'), value: l.many('recruitmentMethod', p.methodOfRecruitment) },
          {
            label: f('recruitmentApps'),
            value: l.many('websiteOrApp', p.recruitmentWebsitesAndApps),
          },
          {
            label: f('exploitationApps'),
            value: l.many('websiteOrApp', p.exploitationWebsitesAndApps),
          },
          {
            label: f('sexExploitation'),
            value: l.many('sexExploitation', p.typeOfSexExploitation),
          },
          {
            label: f('ageWhenTrafficked'),
            value: p.ageWhenTrafficked ?? t('common.notRecorded'),
          },
          {
            label: f('decisionMakingOrg'),
            value: l.one('decisionMakingOrg', p.traffickingStatusDecisionMakingOrg),
          },
        ]}
      />
    </>
  );
}
