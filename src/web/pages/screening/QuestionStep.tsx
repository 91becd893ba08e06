import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, InstrumentOption } from '../../../shared/api/screenings.schema.ts';
import { useCountryOptions } from '../../lib/countries.ts';
import type { Draft, Step } from './answer-model.ts';
import { COUNTRY_NOT_KNOWN, remainingOptions, visibleOptions } from './answer-model.ts';
import { InstrumentText } from './instrument-text.tsx';

interface Props {
  step: Step;
  answers: Answers;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  child: boolean;
  error: string | null;
  headingRef: Ref<HTMLHeadingElement>;
}

const ID = 'screening-answer';

/**
 * One question: a <fieldset> whose <legend> is the question (a heading that takes focus on each
 * step), the caseworker's guidance, the error, and the controls of its answer type.
 */
export function QuestionStep({ step, answers, draft, onDraft, child, error, headingRef }: Props) {
  const { t } = useTranslation();
  const q = step.question;
  const help = step.kind === 'unknown' ? null : q.help;
  const describedBy =
    [help || step.kind === 'unknown' ? `${ID}-help` : null, error ? `${ID}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <fieldset className="wizard__question" aria-describedby={describedBy}>
      <legend>
        <h2 ref={headingRef} tabIndex={-1} className="wizard__heading">
          {step.kind === 'unknown' ? (
            t('screening.unknownStep.question')
          ) : (
            <InstrumentText text={q.text} childText={q.childText} child={child} />
          )}
        </h2>
      </legend>
      {step.kind === 'unknown' ? (
        <p id={`${ID}-help`} className="field__hint">
          {t('screening.unknownStep.hint')}
        </p>
      ) : (
        help && (
          <p id={`${ID}-help`} className="field__hint">
            <InstrumentText text={help} />
          </p>
        )
      )}
      {error && (
        <p id={`${ID}-error`} className="field__error">
          {error}
        </p>
      )}
      <Controls step={step} answers={answers} draft={draft} onDraft={onDraft} child={child} />
    </fieldset>
  );
}

function Controls({
  step,
  answers,
  draft,
  onDraft,
  child,
}: Pick<Props, 'step' | 'answers' | 'draft' | 'onDraft' | 'child'>) {
  const { t } = useTranslation();
  switch (draft.type) {
    case 'age':
      return (
        <div className="wizard__controls">
          <div className="field">
            <label htmlFor={ID}>{t('screening.answer.years')}</label>
            <input
              id={ID}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              value={draft.years}
              disabled={draft.notKnown}
              onChange={(e) => onDraft({ ...draft, years: e.target.value })}
            />
          </div>
          <Box
            id={`${ID}-not-known`}
            label={t('screening.answer.notKnown')}
            checked={draft.notKnown}
            onChange={(on) => onDraft({ ...draft, notKnown: on, years: on ? '' : draft.years })}
          />
        </div>
      );
    case 'codes': {
      const options = visibleOptions(step.question, answers);
      const exclusive = !(
        step.question.answer.type === 'codes' && step.question.answer.unknownListKey
      );
      return (
        <div className="wizard__controls wizard__options">
          {options.map((o, i) => (
            <Box
              key={o.code}
              id={i === 0 ? ID : `${ID}-${o.code}`}
              label={<OptionLabel option={o} child={child} />}
              checked={draft.codes.includes(o.code)}
              onChange={(on) =>
                onDraft({
                  ...draft,
                  none: false,
                  notKnown: false,
                  codes: on ? [...draft.codes, o.code] : draft.codes.filter((c) => c !== o.code),
                })
              }
            />
          ))}
          <div className="wizard__also">
            <Box
              id={`${ID}-none`}
              label={t('screening.answer.none')}
              checked={draft.none}
              onChange={(on) => onDraft({ ...draft, none: on, notKnown: false, codes: [] })}
            />
            {exclusive && (
              <Box
                id={`${ID}-not-known`}
                label={t('screening.answer.notKnown')}
                checked={draft.notKnown}
                onChange={(on) => onDraft({ ...draft, notKnown: on, none: false, codes: [] })}
              />
            )}
          </div>
        </div>
      );
    }
    case 'unknown':
      return (
        <div className="wizard__controls wizard__options">
          {remainingOptions(step.question, answers).map((o, i) => (
            <Box
              key={o.code}
              id={i === 0 ? ID : `${ID}-${o.code}`}
              label={<OptionLabel option={o} child={child} />}
              checked={draft.codes.includes(o.code)}
              onChange={(on) =>
                onDraft({
                  ...draft,
                  codes: on ? [...draft.codes, o.code] : draft.codes.filter((c) => c !== o.code),
                })
              }
            />
          ))}
        </div>
      );
    case 'choice':
      return (
        <Radios
          value={draft.value}
          onValue={(value) => onDraft({ ...draft, value })}
          options={visibleOptions(step.question, answers).map((o) => ({
            value: o.code,
            label: <OptionLabel option={o} child={child} />,
          }))}
        />
      );
    case 'tri':
      return (
        <Radios
          value={draft.value}
          onValue={(value) => onDraft({ ...draft, value })}
          options={[
            { value: 'yes', label: t('screening.answer.yes') },
            { value: 'no', label: t('screening.answer.no') },
            { value: 'unknown', label: t('screening.answer.notKnown') },
          ]}
        />
      );
    case 'country':
      return (
        <CountryAnswer value={draft.value} onValue={(value) => onDraft({ ...draft, value })} />
      );
  }
}

function OptionLabel({ option, child }: { option: InstrumentOption; child: boolean }) {
  return <InstrumentText text={option.label} childText={option.childLabel} child={child} />;
}

function Box(props: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="checkbox wizard__choice" htmlFor={props.id}>
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

function Radios(props: {
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: ReactNode }[];
}) {
  return (
    <div className="wizard__controls wizard__options">
      {props.options.map((o, i) => (
        <label key={o.value} className="checkbox wizard__choice">
          <input
            type="radio"
            name={ID}
            id={i === 0 ? ID : `${ID}-${o.value}`}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onValue(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

function CountryAnswer({ value, onValue }: { value: string; onValue: (v: string) => void }) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  return (
    <div className="wizard__controls">
      <div className="field">
        <label htmlFor={ID}>{t('screening.answer.country')}</label>
        <select id={ID} value={value} onChange={(e) => onValue(e.target.value)}>
          <option value="">{t('common.chooseCountry')}</option>
          <option value={COUNTRY_NOT_KNOWN}>{t('screening.answer.notKnown')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
