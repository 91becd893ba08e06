import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BestInterestOutcome,
  ClosureReason,
  RejectionReason,
  TracingAction,
  TracingStatus,
  VerificationMethod,
} from '../../../shared/reunite/tracing-lifecycle.ts';
import type { Relationship } from './tracing-draft.ts';

export type CandidateStatus = 'proposed' | 'confirmed' | 'rejected' | 'withdrawn';

/** Translated labels of the tracing codes (codes themselves never show). */
export function useTracingLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      status: (v: TracingStatus) => t(`tracing.status.${v}`),
      relationship: (v: Relationship) => t(`tracing.relationship.${v}`),
      sex: (v: 'F' | 'M') => t(`tracing.sex.${v}`),
      enquirerKind: (v: 'family' | 'agency') => t(`tracing.enquirerKind.${v}`),
      candidateStatus: (v: CandidateStatus) => t(`tracing.candidateStatus.${v}`),
      rejectionReason: (v: RejectionReason) => t(`tracing.rejectionReason.${v}`),
      verificationMethod: (v: VerificationMethod) => t(`tracing.verificationMethod.${v}`),
      bestInterest: (v: BestInterestOutcome) => t(`tracing.bestInterestOutcome.${v}`),
      closureReason: (v: ClosureReason) => t(`tracing.closureReason.${v}`),
      event: (v: TracingAction | 'created') => t(`tracing.event.${v}`),
      child: (v: boolean | null) =>
        v === null
          ? t('tracing.child.unknown')
          : v
            ? t('tracing.child.yes')
            : t('tracing.child.no'),
    }),
    [t],
  );
}
