import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api/auth.schema.ts';
import type {
  CaseStatus,
  ExploitationType,
  Gender,
  TraffickingStatus,
} from '../../shared/codes/htcds.ts';

/** Translated labels for the HTCDS code values and roles (codes themselves never show). */
export function useCodeLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      gender: (v: Gender) => t(`codes.gender.${v}`),
      caseStatus: (v: CaseStatus) => t(`codes.caseStatus.${v}`),
      traffickingStatus: (v: TraffickingStatus) => t(`codes.traffickingStatus.${v}`),
      exploitation: (v: ExploitationType) => t(`codes.exploitation.${v}`),
      role: (v: Role) => t(`roles.${v}`),
    }),
    [t],
  );
}
