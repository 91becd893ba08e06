import { describe, expect, it } from 'vitest';
import { anonymize, ctdcHierarchies } from '../../shared/hub/anonymize/index.ts';
import { generateCtdc } from '../../shared/hub/ctdc/index.ts';
import { storeHierarchies, storeInformationLoss } from './store-hierarchies.ts';

describe('storeHierarchies', () => {
  it('keeps every built-in leaf and its generalisations', () => {
    for (const [column, h] of ctdcHierarchies()) {
      const x = storeHierarchies().get(column)!;
      expect(x.height).toBe(h.height);
      for (const leaf of h.leaves)
        for (let l = 0; l <= h.height; l++)
          expect(x.generalise(leaf, l)).toBe(h.generalise(leaf, l));
    }
  });

  it('covers an already generalised value: as it is up to its level, then as its label', () => {
    const h = ctdcHierarchies().get('citizenship')!;
    const x = storeHierarchies().get('citizenship')!;
    for (let level = 1; level <= h.height; level++) {
      const label = h.generalise('NG', level);
      for (let l = 0; l <= h.height; l++) {
        expect(x.generalise(label, l)).toBe(l <= level ? label : h.generalise('NG', l));
      }
    }
  });
});

describe('storeInformationLoss', () => {
  it('equals the engine’s figure for leaves, and counts a contributed region as generalised', () => {
    const table = generateCtdc({ rows: 800, seed: 3 });
    const qi = ['gender', 'citizenship'];
    const r = anonymize(table, { qi, k: 5, hierarchies: ctdcHierarchies() });
    const mine = storeInformationLoss(r.table.rows, r.table.columns, qi, r.levels, r.suppressed);
    expect(mine).toBeCloseTo(r.informationLoss, 12);

    const h = ctdcHierarchies().get('citizenship')!;
    const region = h.generalise('NG', 2);
    const col = table.columns.indexOf('citizenship');
    const rows = [table.rows[0]!.map((c, i) => (i === col ? region : c))];
    const loss = storeInformationLoss(rows, table.columns, ['citizenship'], { citizenship: 0 }, 0);
    expect(loss).toBeCloseTo(h.loss('NG', 2), 12);
    expect(loss).toBeGreaterThan(0);
  });
});
