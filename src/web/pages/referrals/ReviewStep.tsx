import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/api/directory.schema.ts';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import { STATED_FIELDS, type DisclosureFieldName } from '../../../shared/referrals/disclosure.ts';
import type { Urgency } from '../../../shared/referrals/lifecycle.ts';
import { FactList } from '../../components/FactList.tsx';
import type { StatedDraft } from './ShareStep.tsx';
import { useReferralLabels } from './use-referral-labels.ts';

interface Props {
  serviceType: ServiceType;
  service: SearchHit;
  fields: readonly DisclosureFieldName[];
  stated: StatedDraft;
  urgency: Urgency;
  message: string;
  consentNote: ReactNode;
}

/** Everything the referral will carry, before it goes: the provider sees no more than this. */
export function ReviewStep({
  serviceType,
  service,
  fields,
  stated,
  urgency,
  message,
  consentNote,
}: Props) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const sep = t('common.listSeparator');
  const statedFacts = STATED_FIELDS.filter((f) => fields.includes(f)).map((f) => ({
    label: labels.field(f),
    value: (
      <span className="case-log__text" dir="auto">
        {stated[f]}
      </span>
    ),
  }));
  const facts = [
    { label: t('referrals.fields.serviceType'), value: labels.serviceType(serviceType) },
    { label: t('referrals.fields.service'), value: <bdi>{service.name}</bdi> },
    { label: t('referrals.fields.provider'), value: <bdi>{service.provider.name}</bdi> },
    {
      label: t('referrals.review.fit'),
      value: service.eligible
        ? t('referrals.search.eligible')
        : t('referrals.search.mismatches', {
            reasons: service.mismatches.map(labels.mismatch).join(sep),
          }),
    },
    { label: t('referrals.fields.urgency'), value: labels.urgency(urgency) },
    {
      label: t('referrals.fields.disclosedFields'),
      value:
        fields.length > 0 ? fields.map(labels.field).join(sep) : t('referrals.detail.noFields'),
    },
    ...statedFacts,
    {
      label: t('referrals.share.message'),
      value: message.trim() ? (
        <span className="case-log__text" dir="auto">
          {message}
        </span>
      ) : (
        t('referrals.review.noMessage')
      ),
    },
  ];
  return (
    <>
      <FactList facts={facts} />
      <p className="hint">{t('referrals.review.hint')}</p>
      {!service.provider.receivesReferrals && (
        <p className="hint">{t('referrals.search.external')}</p>
      )}
      {consentNote}
    </>
  );
}
