import type { DomvInstrument } from '../instruments/domv.ts';
import type { Level } from '../instruments/domv-factors.ts';
import { LEVEL_LABEL, LEVELS } from '../instruments/domv-factors.ts';
import type { Reason } from '../result.ts';
import { listText, reason } from '../result.ts';
import type { LevelProfile, Recommendation } from './domv.ts';

const REF =
  'IOM Handbook on Migrants Vulnerable to Violence, Exploitation and Abuse (2019), Part 1';

const BALANCE: Record<LevelProfile['balance'], string> = {
  risk_outweighs: 'risk factors outweigh protective factors',
  protective_outweighs: 'protective factors outweigh risk factors',
  balanced: 'risk and protective factors are balanced',
  none: 'no factor found',
};

export function levelReasons(
  instrument: DomvInstrument,
  levels: Record<Level, LevelProfile>,
  child: boolean | null,
): Reason[] {
  const label = (code: string) =>
    (code === instrument.childFactor.code
      ? instrument.childFactor
      : instrument.factors.find((x) => x.code === code)
    )?.label.en.toLowerCase() ?? code;
  const out: Reason[] = [
    reason(
      'note',
      'domv.scope',
      'A vulnerability profile under the IOM DOMV model, not a trafficking determination: use the Palermo or ILO–EC instrument for that.',
      REF,
    ),
  ];
  if (child === true) {
    out.push(
      reason(
        'age',
        'domv.age.child',
        'Under 18: being a child is an individual risk factor; child protection applies.',
        REF,
      ),
    );
  }
  for (const level of LEVELS) {
    const p = levels[level];
    const parts = [
      p.risk.length > 0 ? `risk: ${listText(p.risk.map(label))}` : '',
      p.protective.length > 0 ? `protective: ${listText(p.protective.map(label))}` : '',
      p.unknown.length > 0 ? `not established: ${listText(p.unknown.map(label))}` : '',
    ].filter(Boolean);
    if (parts.length === 0) continue;
    out.push(
      reason(
        'indicator',
        `domv.level.${level}`,
        `${LEVEL_LABEL[level].en} level — ${BALANCE[p.balance]} (${parts.join('; ')}).`,
        REF,
      ),
    );
  }
  return out;
}

export function recommendationReasons(
  instrument: DomvInstrument,
  recs: readonly Recommendation[],
): Reason[] {
  const label = (code: string) =>
    code === instrument.childFactor.code
      ? 'being a child'
      : (instrument.factors.find((x) => x.code === code)?.label.en.toLowerCase() ?? code);
  return recs.map((r) =>
    reason(
      'rule',
      `domv.service.${r.service}`,
      `Recommended: ${r.label}, because of ${listText(r.because.map(label))} (Lantern service map).`,
    ),
  );
}
