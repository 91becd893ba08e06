import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePairDetail, MergeResult } from '../../../shared/api/duplicates.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { duplicatesApi } from '../../api/duplicates-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { useUser } from '../../session/session-context.ts';
import { MatchExplanation } from './MatchExplanation.tsx';
import { MergeSummary } from './MergeSummary.tsx';
import { PairSides } from './PairSides.tsx';
import './reunite.css';

/**
 * /duplicates/:id — one pair side by side (an audited read of both identities), its match
 * explanation, and the decision: "not the same person" (with an optional reason), or a merge
 * into the case the supervisor chooses to keep, after a confirmation saying what a merge does.
 */
export function DuplicatePairPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { role } = useUser();
  const { state, reload } = useResource(`duplicate/${id}`, () => duplicatesApi.get(id));
  const [status, setStatus] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);

  const back = (
    <p>
      <Link to="/duplicates">{t('duplicates.review.back')}</Link>
    </p>
  );
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') {
    const missing = ['not_found', 'validation_failed'].includes(errorCode(state.error) ?? '');
    return (
      <>
        {back}
        <PageHeading title={t('duplicates.pair.notFoundTitle')} />
        <FormAlert
          message={missing ? t('duplicates.pair.notFound') : errorMessage(t, state.error)}
        />
      </>
    );
  }
  const p = state.data;
  const open = p.state === 'open';
  return (
    <>
      {back}
      <PageHeading title={t('duplicates.pair.title', { a: p.a.reference, b: p.b.reference })} />
      <StatusMessage message={status} />
      {merged && <MergeSummary result={merged} />}
      <section aria-labelledby="duplicate-evidence-heading" className="section">
        <h2 id="duplicate-evidence-heading">{t('duplicates.pair.evidence')}</h2>
        <p>
          <span className="reunite-badge">{t(`duplicates.state.${p.state}`)}</span>
          {p.decidedAt && (
            <>
              {' '}
              <time dateTime={p.decidedAt}>{formatDateTime(p.decidedAt, i18n.language)}</time>
              {p.decidedBy && (
                <>
                  {' '}
                  {t('tracing.history.by')} <bdi>{p.decidedBy.displayName}</bdi>
                </>
              )}
            </>
          )}
        </p>
        {p.reason && (
          <p className="case-log__text" dir="auto">
            {p.reason}
          </p>
        )}
        <MatchExplanation
          fields={p.fields}
          probability={p.probability}
          label={t('duplicates.pair.explanationLabel')}
        />
      </section>
      <PairSides pair={p} />
      {open && (
        <PairDecision
          pair={p}
          mayMerge={can(role, 'case:merge')}
          onDecided={(message) => {
            setStatus(message);
            reload();
          }}
          onMerged={(result) => {
            setMerged(result);
            setStatus(
              t('duplicates.merge.done', {
                merged: result.merged.reference,
                kept: result.kept.reference,
              }),
            );
            reload();
          }}
        />
      )}
    </>
  );
}

interface DecisionProps {
  pair: DuplicatePairDetail;
  mayMerge: boolean;
  onDecided: (message: string) => void;
  onMerged: (result: MergeResult) => void;
}

function PairDecision({ pair: p, mayMerge, onDecided, onMerged }: DecisionProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [keep, setKeep] = useState<string>('');
  const [keepError, setKeepError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const kept = keep === p.a.id ? p.a : keep === p.b.id ? p.b : null;
  const other = kept === null ? null : kept.id === p.a.id ? p.b : p.a;
  const pending = p.a.pendingApprovals + p.b.pendingApprovals;

  const fail = (e: unknown) => {
    const code = errorCode(e);
    setAlert(code === 'conflict' ? t('duplicates.merge.conflict') : errorMessage(t, e));
  };

  const notDuplicate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAlert(null);
    try {
      await duplicatesApi.notDuplicate(p.id, reason.trim() || undefined);
      onDecided(t('duplicates.decision.done'));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const review = (event: FormEvent) => {
    event.preventDefault();
    if (!kept) {
      setKeepError(t('duplicates.merge.keepRequired'));
      document.getElementById('duplicate-keep')?.focus();
      return;
    }
    setKeepError(undefined);
    setConfirming(true);
    window.setTimeout(() => document.getElementById('duplicate-merge-confirm-heading')?.focus(), 0);
  };

  const merge = async () => {
    if (!kept) return;
    setBusy(true);
    setAlert(null);
    try {
      onMerged(await duplicatesApi.merge(p.id, kept.id));
    } catch (e) {
      setConfirming(false);
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="duplicate-decision-heading" className="section">
      <h2 id="duplicate-decision-heading">{t('duplicates.decision.title')}</h2>
      <FormAlert message={alert} />
      <form className="form" noValidate onSubmit={(e) => void notDuplicate(e)}>
        <h3>{t('duplicates.decision.notSameTitle')}</h3>
        <TextAreaField
          id="duplicate-reason"
          label={t('duplicates.decision.reason')}
          hint={t('duplicates.decision.reasonHint')}
          value={reason}
          onValue={setReason}
          maxLength={2000}
        />
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('duplicates.decision.notSame')}
          </button>
        </div>
      </form>
      {mayMerge && (
        <form className="form" noValidate onSubmit={review}>
          <h3>{t('duplicates.merge.title')}</h3>
          {pending > 0 && (
            <p className="panel panel--notice">
              {t('duplicates.merge.pendingApprovals', { count: pending })}
            </p>
          )}
          <fieldset
            className={keepError ? 'checkboxes field--invalid' : 'checkboxes'}
            aria-describedby={keepError ? 'duplicate-keep-error' : 'duplicate-keep-hint'}
          >
            <legend>{t('duplicates.merge.keep')}</legend>
            <p id="duplicate-keep-hint" className="field__hint">
              {t('duplicates.merge.keepHint')}
            </p>
            {keepError && (
              <p id="duplicate-keep-error" className="field__error">
                {keepError}
              </p>
            )}
            <div className="checkboxes__items">
              {[p.a, p.b].map((side, i) => (
                <label key={side.id} className="checkbox">
                  <input
                    type="radio"
                    name="duplicate-keep"
                    id={i === 0 ? 'duplicate-keep' : `duplicate-keep-${i}`}
                    value={side.id}
                    checked={keep === side.id}
                    onChange={() => {
                      setKeep(side.id);
                      setConfirming(false);
                    }}
                  />
                  <span>{t('duplicates.merge.keepOption', { reference: side.reference })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {!confirming && (
            <div className="actions">
              <button type="submit" className="button" disabled={busy || pending > 0}>
                {t('duplicates.merge.review')}
              </button>
            </div>
          )}
          {confirming && kept && other && (
            <div
              className="panel panel--notice"
              role="group"
              aria-labelledby="duplicate-merge-confirm-heading"
            >
              <h4 id="duplicate-merge-confirm-heading" tabIndex={-1}>
                {t('duplicates.merge.confirmTitle', {
                  merged: other.reference,
                  kept: kept.reference,
                })}
              </h4>
              <ul>
                <li>
                  {t('duplicates.merge.explain.identity', {
                    merged: other.reference,
                    kept: kept.reference,
                  })}
                </li>
                <li>{t('duplicates.merge.explain.records', { kept: kept.reference })}</li>
                <li>{t('duplicates.merge.explain.copies', { merged: other.reference })}</li>
                <li>{t('duplicates.merge.explain.consent')}</li>
                <li>
                  {t('duplicates.merge.explain.tombstone', {
                    merged: other.reference,
                    kept: kept.reference,
                  })}
                </li>
                <li>{t('duplicates.merge.explain.audit')}</li>
              </ul>
              <div className="actions">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy}
                  onClick={() => void merge()}
                >
                  {busy
                    ? t('duplicates.merge.merging')
                    : t('duplicates.merge.confirm', {
                        merged: other.reference,
                        kept: kept.reference,
                      })}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setConfirming(false)}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
