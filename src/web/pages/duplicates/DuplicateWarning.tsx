import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/api/duplicates.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { duplicatesApi } from '../../api/duplicates-api.ts';
import { ApiError } from '../../api/client.ts';
import { formatDate } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { useUser } from '../../session/session-context.ts';
import type { NewCaseDraft } from '../cases/new-case-draft.ts';
import { checkBodyFrom } from './duplicate-check.ts';
import { MatchExplanation } from './MatchExplanation.tsx';
import './reunite.css';

/** Wait after the last keystroke before asking (one check per pause, not per letter). */
const DEBOUNCE_MS = 600;

type Check =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; items: DuplicateCandidate[] }
  | { status: 'failed' };

/**
 * The duplicate warning of the registration form (docs/duplicates.md, "The check at
 * registration"). Once a name and a date of birth or an age are typed, it asks the server for
 * likely duplicates and, if any, shows each with its reference, probability and explanation, a
 * link to open it, and "This is a different person" to carry on. It never blocks the form: a
 * failed check says so and registration stays possible.
 */
export function DuplicateWarning({ draft }: { draft: NewCaseDraft }) {
  const { t, i18n } = useTranslation();
  const { role } = useUser();
  const allowed = can(role, 'duplicate:check');
  const body = allowed ? checkBodyFrom(draft) : null;
  const key = body ? JSON.stringify(body) : '';
  // The outcome belongs to the body it was asked for; a changed body starts from idle.
  const [result, setResult] = useState<{ key: string; check: Check } | null>(null);
  const check: Check = result?.key === key ? result.check : { status: 'idle' };
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!key) return;
    const setCheck = (c: Check) => setResult({ key, check: c });
    const timer = window.setTimeout(() => {
      setCheck({ status: 'checking' });
      duplicatesApi.check(JSON.parse(key) as NonNullable<typeof body>).then(
        (result) => {
          if (ticket === latest.current) setCheck({ status: 'done', items: result.items });
        },
        (e: unknown) => {
          if (ticket !== latest.current) return;
          // A value the server refuses shows at its field on submit; nothing to warn about yet.
          const invalid = e instanceof ApiError && e.code === 'validation_failed';
          setCheck(invalid ? { status: 'idle' } : { status: 'failed' });
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);

  if (!allowed) return null;
  const shown = check.status === 'done' ? check.items.filter((c) => !dismissed.has(c.caseId)) : [];
  const setAside = check.status === 'done' ? check.items.length - shown.length : 0;
  const summary =
    check.status === 'checking'
      ? t('duplicates.warning.checking')
      : check.status === 'failed'
        ? t('duplicates.warning.failed')
        : check.status === 'done' && shown.length > 0
          ? t('duplicates.warning.found', { count: shown.length })
          : check.status === 'done' && setAside > 0
            ? t('duplicates.warning.allDifferent')
            : check.status === 'done'
              ? t('duplicates.warning.none')
              : null;

  return (
    <div className="duplicate-check">
      <p role="status" className={summary ? 'status' : 'status status--empty'}>
        {summary}
      </p>
      {shown.length > 0 && (
        <section className="reunite-warning" aria-labelledby="duplicate-warning-heading">
          <h2 id="duplicate-warning-heading">{t('duplicates.warning.title')}</h2>
          <p>{t('duplicates.warning.intro')}</p>
          <ul className="reunite-list">
            {shown.map((c) => {
              const headingId = `duplicate-candidate-${c.caseId}`;
              return (
                <li key={c.caseId}>
                  <h3 id={headingId}>
                    <bdi dir="auto">{c.displayName}</bdi> · <bdi dir="ltr">{c.reference}</bdi>
                  </h3>
                  <p className="hint">
                    {t('duplicates.warning.caseFacts', {
                      stage: t(`casework.stage.${c.stage}`),
                      date: formatDate(c.registrationDate, i18n.language),
                    })}
                  </p>
                  {c.exactIdentifiers.map((id) => (
                    <p key={id}>
                      <strong>{t(`duplicates.warning.exact.${id}`)}</strong>
                    </p>
                  ))}
                  <MatchExplanation
                    fields={c.fields}
                    probability={c.probability}
                    label={t('duplicates.explain.label', { reference: c.reference })}
                  />
                  <div className="actions">
                    <Link
                      to={`/cases/${encodeURIComponent(c.caseId)}`}
                      className="button"
                      aria-describedby={headingId}
                    >
                      {t('duplicates.warning.open', { reference: c.reference })}
                    </Link>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-describedby={headingId}
                      onClick={() => setDismissed((s) => new Set([...s, c.caseId]))}
                    >
                      {t('duplicates.warning.different')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          <p className="hint">{t('duplicates.warning.continueHint')}</p>
        </section>
      )}
    </div>
  );
}
