import type { ReactElement } from 'react';
import type { Role } from '../../../shared/api/auth.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { ForbiddenPage } from '../ForbiddenPage.tsx';
import { InboxDetailPage } from './InboxDetailPage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { ReferralDetailPage } from './ReferralDetailPage.tsx';
import { ReferralListPage } from './ReferralListPage.tsx';

const INBOX_ITEM = /^\/referrals\/inbox\/([^/]+)$/;
const REFERRAL = /^\/referrals\/([^/]+)$/;

/**
 * The referral page for a path (the sender's list and detail, the provider's inbox), or null
 * when the path is not a referral's. `/referrals/metrics` belongs to the metrics page.
 */
export function referralRoute(path: string, role: Role): ReactElement | null {
  if (path === '/referrals')
    return can(role, 'referral:read') ? <ReferralListPage /> : <ForbiddenPage />;
  if (path === '/referrals/inbox')
    return can(role, 'referral:inbox') ? <InboxPage /> : <ForbiddenPage />;
  const item = INBOX_ITEM.exec(path);
  if (item) {
    const id = decodeURIComponent(item[1]!);
    return can(role, 'referral:inbox') ? <InboxDetailPage key={id} id={id} /> : <ForbiddenPage />;
  }
  const one = REFERRAL.exec(path);
  if (one && one[1] !== 'metrics') {
    const id = decodeURIComponent(one[1]!);
    return can(role, 'referral:read') ? <ReferralDetailPage key={id} id={id} /> : <ForbiddenPage />;
  }
  return null;
}
