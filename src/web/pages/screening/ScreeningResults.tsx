import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  InstrumentDefinition,
  ScreeningDetail,
  ScreeningResult,
} from '../../../shared/api/screenings.schema.ts';
import type { Fact } from '../../components/FactList.tsx';
import { FactList } from '../../components/FactList.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { InstrumentText, useInstrumentLang } from './instrument-text.tsx';

interface Props {
  definition: InstrumentDefinition;
  screening: ScreeningDetail & { result: ScreeningResult };
  /** Move focus to the heading (after completing, when the page itself did not change). */
  focus?: boolean;
}

/**
 * A completed screening: the outcome, the instrument's own summary (elements, indicators,
 * requirements or levels) and every reason, as recomputed by the server from the answers.
 */
export function ScreeningResults({ definition, screening, focus = false }: Props) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const result = screening.result;
  return (
    <div className="results-view">
      <h2 ref={heading} tabIndex={-1}>
        {t('screening.results.title')}
      </h2>
      <p className="hint">
        <InstrumentText text={definition.title} />{' '}
        {t('screening.results.version', { version: screening.version })}
        {screening.completedAt &&
          ` · ${t('screening.results.completedAt', {
            date: formatDateTime(screening.completedAt, i18n.language),
          })}`}
      </p>
      {'determination' in result && (
        <section aria-labelledby="outcome-heading" className="section">
          <h3 id="outcome-heading">{t('screening.results.determination')}</h3>
          <p className={`determination determination--${result.determination}`}>
            {t(`screening.determination.${result.determination}`)}
          </p>
          <p className="hint">{t('screening.results.explain')}</p>
        </section>
      )}
      <Details result={result} definition={definition} />
      <section aria-labelledby="reasons-heading" className="section">
        <h3 id="reasons-heading">{t('screening.results.reasons')}</h3>
        {i18n.language !== 'en' && (
          <p className="hint">{t('screening.results.reasonsInEnglish')}</p>
        )}
        <ol className="reasons" lang="en" dir="ltr">
          {result.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>
              {r.text}
              {r.ref && <span className="reasons__ref"> ({r.ref})</span>}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to={`/cases/${encodeURIComponent(screening.caseId)}`}>
          {t('screening.backToCase')}
        </Link>
      </p>
    </div>
  );
}

function Details({
  result,
  definition,
}: {
  result: ScreeningResult;
  definition: InstrumentDefinition;
}) {
  const { t } = useTranslation();
  const lang = useInstrumentLang();
  const optionLabel = (code: string) => {
    for (const q of definition.questions) {
      if (q.answer.type !== 'codes' && q.answer.type !== 'choice') continue;
      const o = q.answer.options.find((x) => x.code === code);
      if (o) return o.label[lang] ?? o.label.en;
    }
    return code;
  };
  const list = (codes: readonly string[]) =>
    codes.length > 0
      ? codes.map(optionLabel).join(t('common.listSeparator'))
      : t('screening.results.none');

  let heading: string;
  let facts: Fact[];
  switch (result.kind) {
    case 'palermo':
      heading = t('screening.results.elements');
      facts = (['act', 'means', 'purpose'] as const).map((el) => ({
        label: t(`screening.element.${el}`),
        value: t(`screening.status.${result.elements[el]}`),
      }));
      facts.push({
        label: t('screening.results.missing'),
        value:
          result.missing
            .map((el) => t(`screening.element.${el}`))
            .join(t('common.listSeparator')) || t('screening.results.none'),
      });
      break;
    case 'ilo-fl': {
      const by = (s: string) =>
        Object.entries(result.indicators)
          .filter(([, v]) => v === s)
          .map(([k]) => k);
      heading = t('screening.results.indicators');
      facts = [
        { label: t('screening.status.present'), value: list(by('present')) },
        { label: t('screening.status.unknown'), value: list(by('unknown')) },
      ];
      break;
    }
    case 'ilo-ec':
      heading = t('screening.results.requirements');
      facts = Object.entries(result.requirements).map(([id, status]) => ({
        label: isRequirement(id) ? t(`screening.requirement.${id}`) : id,
        value: t(`screening.status.${status}`),
      }));
      break;
    case 'domv':
      heading = t('screening.results.levels');
      facts = Object.entries(result.levels).map(([level, p]) => ({
        label: isLevel(level) ? t(`screening.level.${level}`) : level,
        value: t(`screening.balance.${p.balance}`),
      }));
      break;
  }
  return (
    <section aria-labelledby="details-heading" className="section">
      <h3 id="details-heading">{heading}</h3>
      <FactList facts={facts} />
      {result.kind === 'domv' && result.recommendations.length > 0 && (
        <>
          <h3>{t('screening.results.services')}</h3>
          <ul lang="en" dir="ltr">
            {result.recommendations.map((r) => (
              <li key={r.service}>{r.label}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const REQUIREMENTS = ['recruitment', 'exploitation', 'coercion_at_destination'] as const;
const isRequirement = (id: string): id is (typeof REQUIREMENTS)[number] =>
  (REQUIREMENTS as readonly string[]).includes(id);

const LEVELS = ['individual', 'household', 'community', 'structural'] as const;
const isLevel = (id: string): id is (typeof LEVELS)[number] =>
  (LEVELS as readonly string[]).includes(id);
