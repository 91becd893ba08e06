import type { Dimension } from '../instruments/ilo-ec-catalogue.ts';
import { DIMENSION_LABEL, DIMENSIONS, INDICATOR_LABEL } from '../instruments/ilo-ec-catalogue.ts';
import type { IndicatorList } from '../instruments/ilo-ec-lists.ts';
import type { Determination, Reason } from '../result.ts';
import { listText, reason } from '../result.ts';
import type { EcReading } from './ilo-ec.ts';
import type { DimensionResult } from './ilo-ec-rule.ts';

const REF = 'ILO–EC Operational indicators of trafficking in human beings (2009)';
const WORD: Record<Determination, string> = {
  likely: 'likely',
  possible: 'possible',
  not_indicated: 'not indicated',
};
const names = (codes: readonly string[]) =>
  listText(codes.map((c) => (INDICATOR_LABEL[c] ?? c).toLowerCase()));

export function ageReasons(
  age: number | null,
  child: boolean | null,
  list: IndicatorList,
): Reason[] {
  const who =
    child === null
      ? 'Age at recruitment not known: the adults list and rule apply; if the person was under 18, the children list applies and no means are needed.'
      : `Age at recruitment ${age}: ${child ? 'a child' : 'an adult'}.`;
  const provenance =
    list.provenance === 'reconstructed'
      ? ` This list is a reconstruction (${Object.keys(list.reconstructed).length} weights adjusted from the labour list): verify against the 2009 publication.`
      : '';
  return [
    reason('age', `ilo-ec.age.${child === null ? 'unknown' : child ? 'child' : 'adult'}`, who, REF),
    reason(
      'note',
      `ilo-ec.list.${list.id}`,
      `Indicator list: ${list.title} (ILO–EC 2009).${provenance}`,
      REF,
    ),
  ];
}

function describe(r: DimensionResult): string {
  const found = (['strong', 'medium', 'weak'] as const)
    .filter((w) => r[w].length > 0)
    .map((w) => `${w}: ${names(r[w])}`)
    .join('; ');
  return found || 'no indicator found';
}

export function dimensionReasons(dims: Record<Dimension, DimensionResult>): Reason[] {
  return DIMENSIONS.flatMap((d) => {
    const r = dims[d];
    const label = DIMENSION_LABEL[d];
    if (r.status === 'present') {
      return [
        reason(
          'indicator',
          `ilo-ec.dimension.${d}.present`,
          `${label}: present by rule ${r.clause ?? ''} — ${describe(r)}.`,
          REF,
        ),
      ];
    }
    if (r.strong.length + r.medium.length + r.weak.length + r.unknown.length === 0) return [];
    const state =
      r.status === 'unknown'
        ? 'not established yet (could be, if unknown indicators are confirmed)'
        : 'not established';
    return [
      reason(
        'indicator',
        `ilo-ec.dimension.${d}.${r.status}`,
        `${label}: ${state} — ${describe(r)}; no combination rule is met.`,
        REF,
      ),
    ];
  });
}

export function ruleReason(
  main: EcReading,
  alt: EcReading | undefined,
  determination: Determination,
): Reason {
  const who = main.child ? 'a child' : 'an adult';
  const needs = main.requirements.map((r, i) => `(${i + 1}) ${r.text}`).join('; ');
  if (alt && alt.determination !== main.determination) {
    return reason(
      'rule',
      'ilo-ec.rule.age_unknown',
      `Rule: as an adult the dimensions give "${WORD[main.determination]}", as a child "${WORD[alt.determination]}" → possible until the age at recruitment is established.`,
      REF,
    );
  }
  return reason(
    'rule',
    `ilo-ec.rule.${main.child ? 'child' : 'adult'}`,
    `Rule: ${who} is a presumed victim of trafficking when each of these is present: ${needs} → ${WORD[determination]}.`,
    REF,
  );
}

export function missingReasons(main: EcReading): Reason[] {
  return main.requirements
    .filter((r) => main.status[r.id] !== 'present')
    .map((r) =>
      reason(
        'missing',
        `ilo-ec.missing.${r.id}`,
        `Missing: ${r.id.replaceAll('_', ' ')} — ${r.text} ${main.status[r.id] === 'absent' ? 'is not established' : 'is not established yet'}.`,
        REF,
      ),
    );
}
