import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent, UserRef } from '../../../shared/api/casework.schema.ts';
import { caseworkApi } from '../../api/casework-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';

/** What happened to the case, newest first: moves, requests and decisions, owners, notes, tasks. */
export function CaseTimeline({ caseId, revision }: { caseId: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const { state, reload } = useResource(`timeline/${caseId}`, () => caseworkApi.timeline(caseId));
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);

  const detail = (e: TimelineEvent, users: Map<string, UserRef>): string[] => {
    const d = e.data;
    const out: string[] = [];
    if (d.from && d.to)
      out.push(
        t('casePanels.timeline.move', {
          from: t(`casework.stage.${d.from}`),
          to: t(`casework.stage.${d.to}`),
        }),
      );
    if (d.approvalKind) out.push(t(`casework.approvalKind.${d.approvalKind}`));
    if (d.decision) out.push(t(`casework.approvalState.${d.decision}`));
    if (d.traffickingStatus) out.push(labels.traffickingStatus(d.traffickingStatus));
    if (d.closureReason) out.push(t(`casework.closureReason.${d.closureReason}`));
    if (d.ownerId) {
      const name = users.get(d.ownerId)?.displayName ?? t('casePanels.timeline.someone');
      out.push(t('casePanels.timeline.newOwner', { name }));
    }
    if (d.dueDate)
      out.push(t('casePanels.timeline.due', { date: formatDate(d.dueDate, i18n.language) }));
    if (d.keptReference && d.mergedReference)
      out.push(
        t('casePanels.timeline.merged', { merged: d.mergedReference, kept: d.keptReference }),
      );
    return out;
  };

  return (
    <section aria-labelledby="case-timeline-heading" className="section">
      <h2 id="case-timeline-heading">{t('casework.ui.timeline')}</h2>
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p className="hint">{t('casePanels.timeline.empty')}</p>
        ) : (
          <ol className="case-log">
            {[...state.data.items]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((e) => {
                const users = new Map(state.data.users.map((u) => [u.id, u]));
                const facts = detail(e, users);
                return (
                  <li key={e.id}>
                    <p className="case-log__title">
                      <strong>{t(`casework.timeline.${e.kind}`)}</strong>
                      {facts.length > 0 && ` · ${facts.join(t('common.listSeparator'))}`}
                    </p>
                    <p className="case-log__meta">
                      <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                      {e.actor && (
                        <> {t('casePanels.timeline.by', { name: e.actor.displayName })}</>
                      )}
                    </p>
                    {e.text && (
                      <p className="case-log__text" dir="auto">
                        {e.text}
                      </p>
                    )}
                  </li>
                );
              })}
          </ol>
        ))}
    </section>
  );
}
