import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/policy/grants.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useUser } from '../../session/session-context.ts';
import { ApprovalDecisionForm } from './ApprovalDecisionForm.tsx';

interface Props {
  caseId: string;
  /** Changes after any casework write, to read the requests again. */
  revision: number;
  onDecided: (message: string) => void;
}

/**
 * The case's pending requests. A supervisor decides those made by someone else (four-eyes,
 * docs/decisions/0005); their own show why they cannot.
 */
export function PendingApprovals({ caseId, revision, onDecided }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const user = useUser();
  const { state, reload } = useResource(`approvals/${caseId}`, () =>
    caseworkApi.approvalsOfCase(caseId),
  );
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  const mayDecide = can(user.role, 'approval:decide');

  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') return <FormAlert message={errorMessage(t, state.error)} />;
  const pending = state.data.items.filter((a) => a.state === 'pending');
  return (
    <>
      <h3>{t('casework.ui.pendingApprovals')}</h3>
      {pending.length === 0 ? (
        <p className="hint">{t('casePanels.stage.pendingNone')}</p>
      ) : (
        <ul className="case-log">
          {pending.map((a) => {
            const mine = a.requestedBy.id === user.id;
            return (
              <li key={a.id}>
                <p className="case-log__title">
                  <strong>{t(`casework.approvalKind.${a.kind}`)}</strong>
                  {a.traffickingStatus &&
                    ` · ${t('casePanels.stage.proposal', { value: labels.traffickingStatus(a.traffickingStatus) })}`}
                  {a.closureReason &&
                    ` · ${t('casePanels.stage.proposal', { value: t(`casework.closureReason.${a.closureReason}`) })}`}
                </p>
                <p className="case-log__meta">
                  {t('casePanels.stage.requestedBy', {
                    name: a.requestedBy.displayName,
                    date: formatDateTime(a.requestedAt, i18n.language),
                  })}
                </p>
                <p className="case-log__text" dir="auto">
                  {a.reason}
                </p>
                {mayDecide &&
                  (mine ? (
                    <p className="hint">{t('casework.ui.fourEyes')}</p>
                  ) : (
                    <ApprovalDecisionForm approval={a} onDecided={onDecided} />
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
