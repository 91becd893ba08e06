import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Answers,
  InstrumentDefinition,
  ScreeningDetail,
} from '../../../shared/api/screenings.schema.ts';
import { screeningsApi } from '../../api/screenings-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsFrom } from '../../lib/field-errors.ts';
import { Link } from '../../router/Link.tsx';
import type { Draft, Step } from './answer-model.ts';
import {
  answerOf,
  childByDefault,
  draftFor,
  hasChildWording,
  resumeIndex,
  sanitize,
  stepsFor,
  withAnswer,
} from './answer-model.ts';
import { QuestionStep } from './QuestionStep.tsx';

interface Props {
  definition: InstrumentDefinition;
  screening: ScreeningDetail;
  onCompleted: (completed: ScreeningDetail) => void;
}

const sameStep = (a: Step, b: Step) => a.kind === b.kind && a.id === b.id;

/** Which answer a server-side field path is about: `answers.means[1]` → `means`. */
const answerKeyOf = (path: string) => /^answers\.([^.[]+)/.exec(path)?.[1] ?? path;

/**
 * One question per screen with progress, Back and Next. Each Next saves all answers so far to
 * the server (so a screening paused here resumes on any device), the last one completes it.
 * Opens at the first question not answered yet.
 */
export function ScreeningWizard({ definition, screening, onCompleted }: Props) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(screening.answers);
  const steps = useMemo(() => stepsFor(definition, answers), [definition, answers]);
  const [index, setIndex] = useState(() => resumeIndex(steps, screening.answers));
  const step = steps[Math.min(index, steps.length - 1)];
  const [draft, setDraft] = useState<Draft | null>(() => (step ? draftFor(step, answers) : null));
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [childChoice, setChildChoice] = useState<boolean | null>(null);
  const child = childChoice ?? childByDefault(answers, screening.personUnder18);

  // Focus moves to the question on each new step (not on the first one: the page heading has it).
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(index);
  useEffect(() => {
    if (shownStep.current !== index) heading.current?.focus();
    shownStep.current = index;
  }, [index]);

  if (!step || !draft) return <FormAlert message={t('errors.unknown')} />;
  const position = steps.indexOf(step);

  /** The answers once this step's form is saved, and whether no step follows it then. */
  const outcome = (value: unknown) => {
    const { answers: next, remove } = sanitize(definition, withAnswer(answers, step, value));
    const nextSteps = stepsFor(definition, next);
    const here = nextSteps.findIndex((s) => sameStep(s, step));
    return { next, remove, here, last: here === nextSteps.length - 1 };
  };
  const preview = answerOf(draft);
  const isLast = 'value' in preview ? outcome(preview.value).last : position === steps.length - 1;

  const go = (to: number, saved: Answers) => {
    const target = stepsFor(definition, saved)[to];
    if (!target) return;
    setIndex(to);
    setDraft(draftFor(target, saved));
    setError(null);
    setAlert(null);
  };

  const showFailure = (e: unknown) => {
    const fields = fieldErrorsFrom(t, e, answerKeyOf);
    const mine = fields?.[step.id];
    setError(mine ?? null);
    setAlert(mine ? t('screening.wizard.notSaved') : errorMessage(t, e));
    document.getElementById('screening-answer')?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = answerOf(draft);
    if ('error' in answer) {
      setError(
        t(answer.error === 'age' ? 'screening.wizard.ageInvalid' : 'screening.wizard.required'),
      );
      setAlert(null);
      document.getElementById('screening-answer')?.focus();
      return;
    }
    const { next, remove, here, last } = outcome(answer.value);
    const changes = { version: screening.version, answers: next, remove };
    setBusy(true);
    try {
      if (last) {
        onCompleted(await screeningsApi.complete(screening.caseId, screening.id, changes));
        return;
      }
      const saved = await screeningsApi.answer(screening.caseId, screening.id, changes);
      setAnswers(saved.answers);
      go(here + 1, saved.answers);
    } catch (e) {
      // Completed meanwhile (on another device): show its results rather than an error.
      if (errorCode(e) === 'conflict') {
        const fresh = await screeningsApi.get(screening.caseId, screening.id).catch(() => null);
        if (fresh?.result) return onCompleted(fresh);
      }
      showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const back = () => go(position - 1, answers);

  return (
    <div className="wizard">
      <div className="wizard__progress">
        <p id="wizard-progress-label" className="wizard__count">
          {t('screening.wizard.progress', { current: position + 1, total: steps.length })}
        </p>
        <progress max={steps.length} value={position + 1} aria-labelledby="wizard-progress-label" />
      </div>
      <FormAlert message={alert} />
      <form className="wizard__form" onSubmit={(e) => void submit(e)} noValidate>
        <QuestionStep
          step={step}
          answers={answers}
          draft={draft}
          onDraft={setDraft}
          child={child}
          error={error}
          headingRef={heading}
        />
        <div className="wizard__nav">
          {position > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={back}
              disabled={busy}
            >
              {t('screening.wizard.back')}
            </button>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy
              ? t('common.saving')
              : isLast
                ? t('screening.wizard.finish')
                : t('screening.wizard.next')}
          </button>
        </div>
      </form>
      <div className="wizard__aside">
        {hasChildWording(definition) && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={child}
              onChange={(e) => setChildChoice(e.target.checked)}
            />
            <span>{t('screening.wizard.childWording')}</span>
          </label>
        )}
        <p className="hint">{t('screening.wizard.savedHint')}</p>
        <p>
          <Link to={`/cases/${encodeURIComponent(screening.caseId)}`}>
            {t('screening.wizard.pause')}
          </Link>
        </p>
      </div>
    </div>
  );
}
