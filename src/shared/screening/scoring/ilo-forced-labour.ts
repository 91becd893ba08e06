import { z } from 'zod';
import {
  checkDisjoint,
  checkVersion,
  codeListAnswer,
  parseAnswers,
  versionAnswer,
} from '../answers.ts';
import { optionsOf } from '../instrument.ts';
import type { IloFlInstrument } from '../instruments/ilo-forced-labour.ts';
import type { Determination, Reason, Status } from '../result.ts';
import { listText, reason } from '../result.ts';

export interface IloFlResult {
  kind: 'ilo-fl';
  instrument: { id: string; version: string };
  determination: Determination;
  indicators: Record<string, Status>;
  /** Number of indicators present. */
  count: number;
  reasons: Reason[];
}

const REF = 'ILO Indicators of Forced Labour (2012)';

const indicatorsOf = (instrument: IloFlInstrument) =>
  instrument.questions.flatMap((q) => (q.id === 'present' ? optionsOf(q) : []));

function parse(instrument: IloFlInstrument, raw: unknown) {
  const codes = indicatorsOf(instrument).map((o) => o.code);
  const schema = z.strictObject({
    version: versionAnswer(),
    present: codeListAnswer(codes),
    unknown: codeListAnswer(codes).default([]),
  });
  const a = parseAnswers(schema, raw);
  checkVersion(a.version, instrument.version, instrument.id);
  checkDisjoint(a.present, a.unknown, 'unknown');
  return { ...a, codes };
}

/**
 * Scores the ILO forced-labour indicators with the explicit thresholds in `instrument.rule`:
 * two or more present → likely; one → possible (a single indicator may in some cases imply
 * forced labour, ILO 2012); none → not indicated (unknown ones are named to follow up).
 */
export function scoreIloFl(instrument: IloFlInstrument, raw: unknown): IloFlResult {
  const a = parse(instrument, raw);
  const { likelyAtLeast, possibleAtLeast } = instrument.rule;
  const label = (c: string) => indicatorsOf(instrument).find((o) => o.code === c)?.label.en ?? c;
  const indicators: Record<string, Status> = {};
  for (const c of a.codes)
    indicators[c] = a.present.includes(c)
      ? 'present'
      : a.unknown.includes(c)
        ? 'unknown'
        : 'absent';
  const count = a.present.length;
  const determination: Determination =
    count >= likelyAtLeast ? 'likely' : count >= possibleAtLeast ? 'possible' : 'not_indicated';

  const reasons: Reason[] = a.present.map((c) =>
    reason('indicator', `ilo-fl.${c}`, `Indicator present: ${label(c)} (ILO 2012).`, REF),
  );
  const rule =
    determination === 'likely'
      ? `${count} indicators present (at least ${likelyAtLeast}: several indicators taken together point to forced labour) → likely.`
      : determination === 'possible'
        ? `${count} indicator present: a single indicator may in some cases imply forced labour, but usually several are needed → possible.`
        : `No indicator present → not indicated.`;
  reasons.push(
    reason('rule', `ilo-fl.rule.${determination}`, `Rule: ${rule} ${instrument.rule.basis}`, REF),
  );
  if (a.unknown.length > 0) {
    reasons.push(
      reason(
        'missing',
        'ilo-fl.unknown',
        `Not established: ${listText(a.unknown.map(label).map((s) => s.toLowerCase()))}.`,
        REF,
      ),
    );
  }
  return {
    kind: 'ilo-fl',
    instrument: { id: instrument.id, version: instrument.version },
    determination,
    indicators,
    count,
    reasons,
  };
}
