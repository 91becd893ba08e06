import { useCallback, useState } from 'react';
import type { CaseDetail } from '../../../shared/api/cases.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useUser } from '../../session/session-context.ts';
import { CaseNotes } from './CaseNotes.tsx';
import { CaseStagePanel } from './CaseStagePanel.tsx';
import { CaseTasks } from './CaseTasks.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseReferralsPanel } from '../referrals/CaseReferralsPanel.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import './case-page.css';

interface Props {
  detail: CaseDetail;
  /** Reads the case again (its stage and status change with moves and decisions). */
  onCaseChanged: () => void;
}

/**
 * The case page's casework: stage and requests, consent, tasks, notes and the timeline. Any
 * write bumps `revision`, so the timeline and the pending requests are read again.
 */
export function CaseWorkSections({ detail, onCaseChanged }: Props) {
  const { role } = useUser();
  const [revision, setRevision] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const touched = useCallback(() => setRevision((r) => r + 1), []);
  const stageChanged = (message: string) => {
    setStatus(message);
    touched();
    onCaseChanged();
  };
  return (
    <>
      <StatusMessage message={status} />
      {can(role, 'case:timeline') && (
        <CaseStagePanel detail={detail} revision={revision} onChanged={stageChanged} />
      )}
      <ConsentPanel caseId={detail.id} />
      <CaseReferralsPanel detail={detail} />
      <CaseTasks caseId={detail.id} onChanged={touched} />
      <CaseNotes caseId={detail.id} onChanged={touched} />
      {can(role, 'case:timeline') && <CaseTimeline caseId={detail.id} revision={revision} />}
    </>
  );
}
