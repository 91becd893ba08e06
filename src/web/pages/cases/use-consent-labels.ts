import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import type {
  ChildAssent,
  ConsentBasis,
  ConsentMethod,
  ConsentPurpose,
  GuardianRelationship,
} from '../../../shared/consent/index.ts';

/** Translated labels of the consent codes (codes themselves never show). */
export function useConsentLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const purpose = (v: ConsentPurpose) => t(`consent.purpose.${v}`);
    const serviceType = (v: ServiceType) => t(`consent.serviceType.${v}`);
    return {
      purpose,
      serviceType,
      method: (v: ConsentMethod) => t(`consent.method.${v}`),
      relationship: (v: GuardianRelationship) => t(`consent.relationship.${v}`),
      assent: (v: ChildAssent) => t(`consent.assent.${v}`),
      basis: (v: ConsentBasis) => t(`consent.basis.${v}`),
      /** "Family tracing", or "Referral: Shelter" / "Referral: All service types". */
      subject: (p: ConsentPurpose, s: ServiceType | null) =>
        p === 'referral'
          ? t('consent.referralTo', {
              service: s ? serviceType(s) : t('consent.allServiceTypes'),
            })
          : purpose(p),
    };
  }, [t]);
}
