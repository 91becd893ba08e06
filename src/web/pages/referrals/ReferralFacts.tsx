import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem, ReferralSummary } from '../../../shared/api/referrals.schema.ts';
import { FactList, type Fact } from '../../components/FactList.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ReferralStatus } from './ReferralStatus.tsx';
import { useReferralLabels } from './use-referral-labels.ts';

interface Props {
  referral: ReferralSummary | InboxItem;
  /** Facts only one side shows (the case for the sender, the referring organisation for the provider). */
  lead?: Fact[];
}

/** Status, service and the dates of a referral; empty dates are left out. */
export function ReferralFacts({ referral: r, lead = [] }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useReferralLabels();
  const when = (iso: string | null): ReactNode =>
    iso ? <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time> : null;
  const facts: (Fact | null)[] = [
    ...lead,
    { label: t('referrals.fields.status'), value: <ReferralStatus status={r.status} /> },
    { label: t('referrals.fields.serviceType'), value: labels.serviceType(r.serviceType) },
    { label: t('referrals.fields.service'), value: <bdi>{r.serviceName}</bdi> },
    { label: t('referrals.fields.provider'), value: <bdi>{r.providerName}</bdi> },
    { label: t('referrals.fields.urgency'), value: labels.urgency(r.urgency) },
    { label: t('referrals.fields.createdAt'), value: when(r.createdAt) },
    r.sentAt ? { label: t('referrals.fields.sentAt'), value: when(r.sentAt) } : null,
    r.answerDueAt && (r.status === 'sent' || r.status === 'expired')
      ? { label: t('referrals.fields.answerDueAt'), value: when(r.answerDueAt) }
      : null,
    r.answeredAt ? { label: t('referrals.fields.answeredAt'), value: when(r.answeredAt) } : null,
    r.startedAt ? { label: t('referrals.fields.startedAt'), value: when(r.startedAt) } : null,
    r.closedAt ? { label: t('referrals.fields.closedAt'), value: when(r.closedAt) } : null,
    r.declineReason
      ? { label: t('referrals.fields.declineReason'), value: labels.declineReason(r.declineReason) }
      : null,
    r.outcome ? { label: t('referrals.fields.outcome'), value: labels.outcome(r.outcome) } : null,
    {
      label: t('referrals.fields.disclosedFields'),
      value:
        r.disclosedFields.length > 0
          ? r.disclosedFields.map((f) => labels.field(f as never)).join(t('common.listSeparator'))
          : t('referrals.detail.noFields'),
    },
  ];
  return <FactList facts={facts.filter((f): f is Fact => f !== null)} />;
}
