import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TracingCandidate, TracingSearchResult } from '../../../shared/api/tracing.schema.ts';
import {
  REJECTION_REASONS,
  type RejectionReason,
} from '../../../shared/reunite/tracing-lifecycle.ts';
import { tracingApi, type TracingRequest } from '../../api/tracing-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { MatchExplanation } from '../duplicates/MatchExplanation.tsx';
import { tracingFailure } from './tracing-errors.ts';
import { useTracingLabels } from './use-tracing-labels.ts';

interface Props {
  request: TracingRequest;
  /** The tracing officer may search, confirm and reject (tracing:write). */
  mayWrite: boolean;
  /** A confirmation changed the request: the page shows the new one. */
  onChanged: (request: TracingRequest, message: string) => void;
}

/**
 * "Search for candidates" and the ranked candidates: each with its case reference, match
 * probability and per-field explanation, and — while the request is open — confirm or reject
 * (with a reason). Only cases whose family-tracing consent stands are ever proposed.
 */
export function TracingCandidates({ request, mayWrite, onChanged }: Props) {
  const { t } = useTranslation();
  const { state, set, reload } = useResource(`tracing-candidates/${request.id}`, () =>
    tracingApi.candidates(request.id),
  );
  const [searched, setSearched] = useState<TracingSearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const open = request.status === 'open';

  const search = async () => {
    setBusy(true);
    setAlert(null);
    setStatus(t('tracing.candidates.searching'));
    try {
      const result = await tracingApi.search(request.id);
      setSearched(result);
      set(result.candidates);
      reload();
      setStatus(
        t('tracing.candidates.searched', {
          count: result.candidates.filter((c) => c.status === 'proposed').length,
          compared: result.compared,
        }),
      );
    } catch (e) {
      setStatus(null);
      setAlert(tracingFailure(t, e));
    } finally {
      setBusy(false);
    }
  };

  const items = state.status === 'ready' ? [...state.data].sort((a, b) => a.rank - b.rank) : [];
  return (
    <section aria-labelledby="tracing-candidates-heading" className="section">
      <h2 id="tracing-candidates-heading">{t('tracing.candidates.title')}</h2>
      <p className="hint">{t('tracing.candidates.intro')}</p>
      {mayWrite && open && (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void search()}>
            {busy ? t('tracing.candidates.searching') : t('tracing.candidates.search')}
          </button>
        </div>
      )}
      <StatusMessage message={status} />
      <FormAlert message={alert} />
      {searched?.withheldForConsent ? (
        <p className="panel panel--notice">
          {t('tracing.candidates.withheld', { count: searched.withheldForConsent })}
        </p>
      ) : null}
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={tracingFailure(t, state.error)} />}
      {state.status === 'ready' && items.length === 0 && (
        <p>
          {request.lastSearchedAt ? t('tracing.candidates.none') : t('tracing.candidates.notYet')}
        </p>
      )}
      {items.length > 0 && (
        <ol className="reunite-list">
          {items.map((c) => (
            <CandidateItem
              key={c.id}
              candidate={c}
              request={request}
              mayDecide={mayWrite && open && c.status === 'proposed'}
              onConfirmed={(r) => {
                reload();
                onChanged(r, t('tracing.candidates.confirmed', { reference: c.caseReference }));
              }}
              onRejected={() => {
                reload();
                setStatus(t('tracing.candidates.rejected', { reference: c.caseReference }));
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface ItemProps {
  candidate: TracingCandidate;
  request: TracingRequest;
  mayDecide: boolean;
  onConfirmed: (request: TracingRequest) => void;
  onRejected: () => void;
}

function CandidateItem({ candidate: c, request, mayDecide, onConfirmed, onRejected }: ItemProps) {
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  const [mode, setMode] = useState<'idle' | 'confirm' | 'reject'>('idle');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<RejectionReason | ''>('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `tracing-candidate-${c.id}`;
  const prefix = `tracing-candidate-${c.id}`;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setAlert(null);
    try {
      await work();
    } catch (e) {
      setAlert(tracingFailure(t, e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const updated = await tracingApi.confirm(request.id, c.id, note.trim() || undefined);
      onConfirmed(updated);
    });
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setReasonError(t('fieldErrors.required'));
      document.getElementById(`${prefix}-reason`)?.focus();
      return;
    }
    void run(async () => {
      await tracingApi.reject(request.id, c.id, {
        reason,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onRejected();
    });
  };

  return (
    <li>
      <h3 id={headingId}>
        {t('tracing.candidates.heading', { rank: c.rank })}{' '}
        <Link to={`/cases/${encodeURIComponent(c.caseId)}`}>
          <bdi dir="ltr">{c.caseReference}</bdi>
        </Link>
      </h3>
      <p>
        <span className="reunite-badge">{labels.candidateStatus(c.status)}</span>
      </p>
      <MatchExplanation
        fields={c.explanation}
        probability={c.probability}
        label={t('duplicates.explain.label', { reference: c.caseReference })}
      />
      {c.decision && (
        <p className="hint">
          {c.decision.reason &&
            `${labels.rejectionReason(c.decision.reason as RejectionReason)} · `}
          <time dateTime={c.decision.at}>{formatDateTime(c.decision.at, i18n.language)}</time>
          {c.decision.by && (
            <>
              {' '}
              {t('tracing.history.by')} <bdi>{c.decision.by.displayName}</bdi>
            </>
          )}
        </p>
      )}
      {c.decision?.note && (
        <p className="case-log__text" dir="auto">
          {c.decision.note}
        </p>
      )}
      <FormAlert message={alert} />
      {mayDecide && mode === 'idle' && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-describedby={headingId}
            onClick={() => setMode('confirm')}
          >
            {t('tracing.candidates.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-describedby={headingId}
            onClick={() => setMode('reject')}
          >
            {t('tracing.candidates.reject')}
          </button>
        </div>
      )}
      {mayDecide && mode === 'confirm' && (
        <form className="form panel" noValidate onSubmit={confirm}>
          <p>{t('tracing.candidates.confirmExplain', { reference: c.caseReference })}</p>
          <TextAreaField
            id={`${prefix}-confirm-note`}
            label={t('tracing.candidates.confirmNote')}
            hint={t('tracing.candidates.noteHint')}
            value={note}
            onValue={setNote}
            maxLength={2000}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('tracing.candidates.confirmSubmit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setMode('idle')}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {mayDecide && mode === 'reject' && (
        <form className="form panel" noValidate onSubmit={reject}>
          <SelectField
            id={`${prefix}-reason`}
            label={t('tracing.candidates.rejectReason')}
            value={reason}
            onValue={(v) => {
              setReason(v as RejectionReason | '');
              setReasonError(undefined);
            }}
            error={reasonError}
            required
          >
            <option value="">{t('common.choose')}</option>
            {REJECTION_REASONS.map((r) => (
              <option key={r} value={r}>
                {labels.rejectionReason(r)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id={`${prefix}-reject-note`}
            label={t('tracing.candidates.rejectNote')}
            hint={t('tracing.candidates.noteHint')}
            value={note}
            onValue={setNote}
            maxLength={2000}
          />
          <div className="actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              {t('tracing.candidates.rejectSubmit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setMode('idle')}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
