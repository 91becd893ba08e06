import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  HubSource,
  PublicationParameters,
  PublicationPreview,
} from '../../../shared/api/hub.schema.ts';
import { hubApi } from '../../api/hub-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { commonColumns } from './hub-columns.ts';
import { engineIssues, hubFieldErrors, refusalOf, type Refusal } from './hub-errors.ts';
import { RefusalPanel } from './RefusalPanel.tsx';
import { KindStep } from './KindStep.tsx';
import { PARAMETER_PREFIX, ParametersStep } from './ParametersStep.tsx';
import {
  choiceProblems,
  defaultColumns,
  emptyDraft,
  parametersOf,
  WIZARD_FIELDS,
  wizardFieldOf,
  type DraftProblem,
  type PublicationDraft,
} from './publication-draft.ts';
import { PublishForm } from './PublishForm.tsx';
import { overBudget, ReportStep } from './ReportStep.tsx';
import { SourcesStep } from './SourcesStep.tsx';

const STEPS = ['sources', 'kind', 'parameters', 'report'] as const;
type Step = (typeof STEPS)[number];

type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; preview: PublicationPreview; parameters: PublicationParameters }
  | { status: 'refused'; refusal: Refusal };

/**
 * /hub/publications/new (hub:publish): sources → kind → parameters → the report before release
 * (computed by the server, nothing written) → a draft → release. A release that would break
 * its guarantee or a source's privacy budget is refused and the refusal says why.
 */
export function PublicationWizard() {
  const { t, i18n } = useTranslation();
  const sources = useResource('hub/sources', () => hubApi.sources());
  const [step, setStep] = useState<Step>('sources');
  const [draft, setDraft] = useState<PublicationDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' });

  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const all: readonly HubSource[] =
    sources.state.status === 'ready' ? sources.state.data.sources : [];
  const chosen = all.filter((s) => draft.sourceIds.includes(s.id));
  const columns = commonColumns(chosen);
  const position = STEPS.indexOf(step);

  const patch = (p: Partial<PublicationDraft>) => setDraft((d) => ({ ...d, ...p }));
  const translate = (problems: DraftProblem[]): FieldErrors => {
    const out: FieldErrors = {};
    for (const p of problems) out[p.field] ??= t(p.key, p.values ?? {});
    return out;
  };
  const go = (next: Step) => {
    setErrors({});
    setAlert(null);
    setStep(next);
  };

  const runPreview = async (parameters: PublicationParameters) => {
    setPreview({ status: 'loading' });
    try {
      setPreview({ status: 'ready', preview: await hubApi.preview(parameters), parameters });
    } catch (e) {
      const fields = engineIssues(e) ? null : hubFieldErrors(t, e, wizardFieldOf);
      if (fields) {
        // Back to the step that shows the field; issues on no field of the wizard are listed.
        const elsewhere = Object.entries(fields).filter(([f]) => !WIZARD_FIELDS.has(f));
        setErrors(fields);
        setStep(fields.sources ? 'sources' : 'parameters');
        setAlert(
          [t('hub.errors.checkFields'), ...elsewhere.map(([, message]) => message)].join(' '),
        );
        setPreview({ status: 'idle' });
      } else setPreview({ status: 'refused', refusal: refusalOf(t, i18n.language, e) });
    }
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const problems =
      step === 'parameters'
        ? parametersOf(draft).problems
        : step === 'report'
          ? []
          : choiceProblems(draft, step);
    if (problems.length > 0) {
      const found = translate(problems);
      setErrors(found);
      const firstField = problems[0]!.field;
      document.getElementById(`${PARAMETER_PREFIX}${firstField}`)?.focus();
      return;
    }
    if (step === 'sources') {
      // Start the columns at CTDC's quasi-identifiers among those the sources share.
      const defaults = defaultColumns(commonColumns(chosen));
      setDraft((d) => ({
        ...d,
        qi: d.qi.length > 0 ? d.qi.filter((c) => columns.includes(c)) : defaults,
        columns: d.columns.length > 0 ? d.columns.filter((c) => columns.includes(c)) : defaults,
      }));
    }
    if (step === 'parameters') {
      const { parameters } = parametersOf(draft);
      if (parameters) void runPreview(parameters);
    }
    go(STEPS[position + 1]!);
  };

  return (
    <>
      <PageHeading title={t('hub.wizard.title')} />
      <p className="hint">{t('hub.wizard.intro')}</p>
      {sources.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {sources.state.status === 'error' && (
        <FormAlert message={errorMessage(t, sources.state.error)} />
      )}
      {sources.state.status === 'ready' && (
        <div className="hub-wizard">
          <ol className="hub-steps" aria-label={t('hub.wizard.stepsLabel')}>
            {STEPS.map((s, i) => (
              <li key={s} aria-current={s === step ? 'step' : undefined}>
                {t('hub.wizard.stepOf', { n: i + 1, name: t(`hub.wizard.steps.${s}`) })}
              </li>
            ))}
          </ol>
          <form noValidate onSubmit={next} aria-labelledby="publication-step-heading">
            <h2 id="publication-step-heading" ref={heading} tabIndex={-1}>
              {t(`hub.wizard.headings.${step}`)}
            </h2>
            <FormAlert message={alert} />
            {step === 'sources' && (
              <SourcesStep
                sources={all}
                selected={draft.sourceIds}
                onChange={(sourceIds) => patch({ sourceIds })}
                error={errors.sources}
              />
            )}
            {step === 'kind' && (
              <KindStep
                kind={draft.kind}
                onChange={(kind) => patch({ kind })}
                error={errors.kind}
              />
            )}
            {step === 'parameters' && (
              <ParametersStep draft={draft} columns={columns} onChange={patch} errors={errors} />
            )}
            {step === 'report' && preview.status === 'loading' && (
              <p role="status">{t('hub.wizard.computing')}</p>
            )}
            {step === 'report' && preview.status === 'refused' && (
              <>
                <RefusalPanel refusal={preview.refusal} />
                <p>{t('hub.wizard.refusedHint')}</p>
              </>
            )}
            {step === 'report' && preview.status === 'ready' && (
              <ReportStep preview={preview.preview} parameters={preview.parameters} sources={all} />
            )}
            <div className="actions">
              {position > 0 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => go(STEPS[position - 1]!)}
                >
                  {t('hub.wizard.back')}
                </button>
              )}
              {step !== 'report' && (
                <button type="submit" className="button">
                  {step === 'parameters' ? t('hub.wizard.seeReport') : t('hub.wizard.next')}
                </button>
              )}
              <Link to="/hub/publications">{t('common.cancel')}</Link>
            </div>
          </form>
          {step === 'report' && preview.status === 'ready' && (
            <PublishForm
              parameters={preview.parameters}
              overBudget={overBudget(preview.parameters, preview.preview.budget).map(
                (id) => all.find((s) => s.id === id)?.label ?? id,
              )}
            />
          )}
        </div>
      )}
    </>
  );
}
