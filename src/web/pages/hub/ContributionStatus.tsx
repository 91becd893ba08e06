import { useTranslation } from 'react-i18next';
import type { ContributionStatus as Status } from '../../../shared/api/hub-contributions.schema.ts';

/** A contribution's status in words (the words alone carry the meaning; colour only helps). */
export function ContributionStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`hub-status hub-status--${status}`}>
      {t(`hub.contributions.status.${status}`)}
    </span>
  );
}
