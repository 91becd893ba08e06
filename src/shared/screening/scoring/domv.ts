import { z } from 'zod';
import {
  ageAnswer,
  checkDisjoint,
  checkVersion,
  codeListAnswer,
  parseAnswers,
  versionAnswer,
} from '../answers.ts';
import { ScreeningError } from '../errors.ts';
import type { DomvInstrument } from '../instruments/domv.ts';
import type { Factor, Level } from '../instruments/domv-factors.ts';
import { LEVELS } from '../instruments/domv-factors.ts';
import type { Service } from '../instruments/domv-services.ts';
import type { Reason } from '../result.ts';
import { isShown } from '../skip-logic.ts';
import { levelReasons, recommendationReasons } from './domv-reasons.ts';

export type Balance = 'risk_outweighs' | 'balanced' | 'protective_outweighs' | 'none';

export interface LevelProfile {
  risk: string[];
  protective: string[];
  unknown: string[];
  /** Lantern's summary of the counts; the IOM model itself has no score. */
  balance: Balance;
}

export interface Recommendation {
  service: Service;
  label: string;
  /** The risk factors that call for it. */
  because: string[];
}

export interface DomvResult {
  kind: 'domv';
  instrument: { id: string; version: string };
  child: boolean | null;
  levels: Record<Level, LevelProfile>;
  recommendations: Recommendation[];
  reasons: Reason[];
}

function parse(instrument: DomvInstrument, raw: unknown) {
  const codes = instrument.factors.map((x) => x.code);
  const schema = z.strictObject({
    version: versionAnswer(),
    ageAtScreening: ageAnswer().default(null),
    present: codeListAnswer(codes),
    unknown: codeListAnswer(codes).default([]),
  });
  const a = parseAnswers(schema, raw);
  checkVersion(a.version, instrument.version, instrument.id);
  checkDisjoint(a.present, a.unknown, 'unknown');
  // Skip logic is also validation: a factor hidden for this person cannot be answered.
  const issues = a.present.flatMap((code, i) => {
    const factor = instrument.factors.find((x) => x.code === code);
    return factor && !isShown(factor, a)
      ? [{ path: `present[${i}]`, message: `"${code}" does not apply at age ${a.ageAtScreening}` }]
      : [];
  });
  if (issues.length > 0) throw new ScreeningError('invalid_answers', issues);
  return a;
}

const balanceOf = (risk: number, protective: number): Balance =>
  risk + protective === 0
    ? 'none'
    : risk > protective
      ? 'risk_outweighs'
      : risk < protective
        ? 'protective_outweighs'
        : 'balanced';

/**
 * Profiles migrant vulnerability with the IOM DOMV model (IOM Handbook 2019, Part 1): risk and
 * protective factors per level, a balance per level, and the services the risk factors call for
 * (`instrument.serviceMap`). A child (under 18) is an individual risk factor derived from the age.
 */
export function scoreDomv(instrument: DomvInstrument, raw: unknown): DomvResult {
  const a = parse(instrument, raw);
  const child = a.ageAtScreening === null ? null : a.ageAtScreening < instrument.childAgeLimit;
  const present: Factor[] = instrument.factors.filter((x) => a.present.includes(x.code));
  if (child === true) present.unshift(instrument.childFactor);

  const levels = {} as Record<Level, LevelProfile>;
  for (const level of LEVELS) {
    const at = present.filter((x) => x.level === level);
    const risk = at.filter((x) => x.kind === 'risk').map((x) => x.code);
    const protective = at.filter((x) => x.kind === 'protective').map((x) => x.code);
    const unknown = a.unknown.filter(
      (c) => instrument.factors.find((x) => x.code === c)?.level === level,
    );
    levels[level] = {
      risk,
      protective,
      unknown,
      balance: balanceOf(risk.length, protective.length),
    };
  }

  const because = new Map<Service, string[]>();
  for (const x of present) {
    if (x.kind !== 'risk') continue;
    for (const s of instrument.serviceMap[x.code] ?? [])
      because.set(s, [...(because.get(s) ?? []), x.code]);
  }
  const recommendations = instrument.services
    .filter((s) => because.has(s))
    .map((s) => ({ service: s, label: instrument.serviceLabel[s], because: because.get(s) ?? [] }));

  return {
    kind: 'domv',
    instrument: { id: instrument.id, version: instrument.version },
    child,
    levels,
    recommendations,
    reasons: [
      ...levelReasons(instrument, levels, child),
      ...recommendationReasons(instrument, recommendations),
    ],
  };
}
