import type {
  InstrumentDefinition,
  InstrumentQuestion,
  InstrumentSummary,
} from '../../shared/api/screenings.schema.ts';
import type { Condition, Instrument } from '../../shared/screening/index.ts';
import { getInstrument, listInstruments } from '../../shared/screening/index.ts';
import type { IloEcInstrument } from '../../shared/screening/instruments/ilo-ec.ts';
import type { ListId } from '../../shared/screening/instruments/ilo-ec-lists.ts';
import { LIST_IDS } from '../../shared/screening/instruments/ilo-ec-lists.ts';

/** Every instrument with its versions and its title in every language it has. */
export function instrumentSummaries(): InstrumentSummary[] {
  return listInstruments().map((s) => ({
    ...s,
    summary: getInstrument(s.id, s.latest).summary,
  }));
}

/**
 * Where an instrument keeps the indicators that could not be established: a list of codes beside
 * `present` (docs/screening.md, "Answers" of ilo-fl, ilo-ec and domv). Palermo has none: a whole
 * element not known is written as null.
 */
const UNKNOWN_LIST_KEY: Record<Instrument['kind'], string | undefined> = {
  palermo: undefined,
  'ilo-fl': 'unknown',
  'ilo-ec': 'unknown',
  domv: 'unknown',
};

/** When an ILO–EC list applies (the scorer's `listFor`), as skip logic on the answers. */
function listCondition(instrument: IloEcInstrument, list: ListId): Condition {
  const child: Condition = {
    question: 'ageAtRecruitment',
    op: 'lt',
    value: instrument.rule.childAgeLimit,
  };
  const [age, exploitation] = list.split('_') as ['adults' | 'children', string];
  return {
    all: [
      age === 'children' ? child : { not: child },
      { question: 'exploitation', op: 'eq', value: exploitation },
    ],
  };
}

/**
 * The ILO–EC indicators are one catalogue, of which four lists (adults/children × labour/sexual)
 * each use a part; the scorer refuses an indicator outside the list that applies. On the wire each
 * indicator carries that as skip logic, so a form shows only the indicators of the list in force.
 */
function withListConditions(
  instrument: IloEcInstrument,
  q: InstrumentQuestion,
): InstrumentQuestion {
  if (q.answer.type !== 'codes') return q;
  const options = q.answer.options.map((o) => {
    const lists = LIST_IDS.filter((id) => instrument.lists[id].weights[o.code] !== undefined);
    return { ...o, showIf: { any: lists.map((id) => listCondition(instrument, id)) } };
  });
  return { ...q, answer: { ...q.answer, options } };
}

/** The full definition a form needs: questions, options, translations, skip logic, child wording. */
export function instrumentDefinition(instrument: Instrument): InstrumentDefinition {
  const unknownListKey = UNKNOWN_LIST_KEY[instrument.kind];
  const questions = instrument.questions.map((q): InstrumentQuestion => {
    let out: InstrumentQuestion =
      q.answer.type === 'codes' && q.id === 'present' && unknownListKey
        ? { ...q, answer: { ...q.answer, unknownListKey } }
        : q;
    if (instrument.kind === 'ilo-ec' && q.id === 'present')
      out = withListConditions(instrument, out);
    return out;
  });
  return {
    id: instrument.id,
    version: instrument.version,
    kind: instrument.kind,
    title: instrument.title,
    summary: instrument.summary,
    languages: [...instrument.languages],
    sources: instrument.sources,
    questions,
  };
}
