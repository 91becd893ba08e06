import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/cases.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { useUser } from '../../session/session-context.ts';
import { ApprovalRequestForm } from './ApprovalRequestForm.tsx';
import { MoveStageForm } from './MoveStageForm.tsx';
import { PendingApprovals } from './PendingApprovals.tsx';

interface Props {
  detail: CaseDetail;
  revision: number;
  onChanged: (message: string) => void;
}

/** Where the case is in its lifecycle, the moves allowed from there, and supervisor requests. */
export function CaseStagePanel({ detail: c, revision, onChanged }: Props) {
  const { t } = useTranslation();
  const { role } = useUser();
  const open = c.stage !== 'closed';
  const mayRequest = can(role, 'approval:request') && open;
  return (
    <section aria-labelledby="case-stage-heading" className="section">
      <h2 id="case-stage-heading">{t('casePanels.stage.heading')}</h2>
      <p className="stage-now">
        {t('casePanels.stage.current', { stage: t(`casework.stage.${c.stage}`) })}
      </p>
      {can(role, 'case:transition') && (
        <MoveStageForm key={c.stage} caseId={c.id} stage={c.stage} onMoved={onChanged} />
      )}
      {mayRequest && (
        <details className="case-details">
          <summary>{t('casework.ui.requestClosure')}</summary>
          <ApprovalRequestForm
            caseId={c.id}
            kind="closure"
            traffickingStatus={c.traffickingStatus}
            onRequested={onChanged}
          />
        </details>
      )}
      {mayRequest && (
        <details className="case-details">
          <summary>{t('casework.ui.requestDetermination')}</summary>
          <ApprovalRequestForm
            caseId={c.id}
            kind="victim_determination"
            traffickingStatus={c.traffickingStatus}
            onRequested={onChanged}
          />
        </details>
      )}
      <PendingApprovals caseId={c.id} revision={revision} onDecided={onChanged} />
    </section>
  );
}
