import type { SankeyLink } from './sankey-types.ts';

/** A link ECharts can draw: a positive number on a link that keeps the graph acyclic. */
export interface DrawnLink {
  source: string;
  target: string;
  value: number;
}

export interface SankeyGraph {
  nodes: string[];
  links: DrawnLink[];
  /** Links not drawn: suppressed (no number to give a width), or closing a cycle. */
  leftOut: { link: SankeyLink; reason: 'suppressed' | 'cycle' }[];
}

/**
 * The drawable part of a Sankey. A Sankey diagram needs a directed acyclic graph with positive
 * widths (Riehmann, Hanfler & Froehlich, "Interactive Sankey diagrams", IEEE InfoVis 2005), so:
 * links whose count is suppressed are left out (drawing them with any width would hint at the
 * number); zero links are dropped; links that would close a cycle (a route through A then B
 * and another through B then A) are left out, the largest links kept first. Everything left
 * out stays in the table beside the chart.
 *
 * Right to left, the links are reversed, so the first stage (the origin) sits at the right
 * edge where an Arabic reader starts; the caller's tooltips say the real direction.
 */
export function sankeyGraph(links: readonly SankeyLink[], rtl = false): SankeyGraph {
  const leftOut: SankeyGraph['leftOut'] = [];
  const drawable: (SankeyLink & { value: number })[] = [];
  for (const link of links) {
    if (link.value === null) leftOut.push({ link, reason: 'suppressed' });
    else if (link.value > 0 && Number.isFinite(link.value) && link.source !== link.target) {
      drawable.push({ ...link, value: link.value });
    }
  }
  // Largest first, ties by name, so the result does not depend on the order sent.
  drawable.sort(
    (a, b) =>
      b.value - a.value || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
  );
  const out = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === to) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...(out.get(node) ?? []));
    }
    return false;
  };
  const kept: DrawnLink[] = [];
  for (const link of drawable) {
    if (reaches(link.target, link.source)) {
      leftOut.push({ link, reason: 'cycle' });
      continue;
    }
    if (!out.has(link.source)) out.set(link.source, new Set());
    out.get(link.source)!.add(link.target);
    kept.push(
      rtl
        ? { source: link.target, target: link.source, value: link.value }
        : { source: link.source, target: link.target, value: link.value },
    );
  }
  const nodes = [...new Set(kept.flatMap((l) => [l.source, l.target]))];
  return { nodes, links: kept, leftOut };
}
