/**
 * Makes the file a publication would publish, and its report, from the rows of its sources.
 * Pure: no database; the service reads the rows and stores the result. The engines refuse
 * rather than weaken a guarantee (AnonymizeError, AggregateError); here the k-anonymous (and
 * l-diverse) release is checked once more, independently of the engine, before it is accepted.
 */
import type {
  AggregatesParameters,
  HubLayout,
  MicrodataParameters,
  PublicationParameters,
  PublicationReport,
  SyntheticParameters,
} from '../../shared/api/hub.schema.ts';
import { DEFAULT_HUB_QI } from '../../shared/api/hub.schema.ts';
import { anonymize } from '../../shared/hub/anonymize/index.ts';
import { CTDC_MISSING } from '../../shared/hub/ctdc/index.ts';
import { SYNTHETIC_MISSING } from '../../shared/hub/ctdc/index.ts';
import type { DpAggregates } from '../../shared/hub/dp/index.ts';
import {
  aggregate,
  evaluateAggregates,
  evaluateSynthetic,
  synthesize,
} from '../../shared/hub/dp/index.ts';
import type { Table } from '../../shared/hub/table.ts';
import { guaranteeFaults } from './guarantee.ts';
import { storeHierarchies, storeInformationLoss } from './store-hierarchies.ts';

/** A parameter that does not fit the data; `path` is the parameter's, e.g. `qi.2`. */
export class BuildError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

export interface BuiltPublication {
  columns: string[];
  rows: string[][];
  /** The whole report (the public view leaves out what is measured on the sources). */
  report: PublicationReport;
  /** What a release spends of each source's budget; null: not differentially private. */
  spend: { epsilon: number; delta: number } | null;
}

export interface BuildOptions {
  /** Seed of the DP noise and sampling: benchmarks and tests only (a known seed undoes noise). */
  seed?: number;
}

/** Every named column must be one of the table's; the error names the parameter. */
function checkColumns(table: Table, names: readonly string[], path: string): void {
  names.forEach((name, i) => {
    if (!table.columns.includes(name)) {
      throw new BuildError(
        `${path}.${i}`,
        `"${name}" is not a column of the sources (they have: ${table.columns.join(', ')})`,
      );
    }
  });
  const twice = names.findIndex((c, i) => names.indexOf(c) !== i);
  if (twice >= 0) throw new BuildError(`${path}.${twice}`, `"${names[twice]}" is named twice`);
}

/** The table cut down to `columns`, in that order. */
function project(table: Table, columns: readonly string[]): Table {
  if (columns.length === table.columns.length && columns.every((c, i) => table.columns[i] === c))
    return table;
  const idx = columns.map((c) => table.columns.indexOf(c));
  return { columns: [...columns], rows: table.rows.map((r) => idx.map((i) => r[i]!)) };
}

function buildMicrodata(table: Table, layout: HubLayout, p: MicrodataParameters): BuiltPublication {
  if (layout !== 'global') {
    throw new BuildError(
      'sourceIds',
      'k-anonymised microdata is made from sources in the CTDC global layout (the built-in hierarchies are for its codes); use aggregates or synthetic data for synthetic-layout sources',
    );
  }
  checkColumns(table, p.qi, 'qi');
  const columns = p.columns ?? table.columns;
  checkColumns(table, columns, 'columns');
  const missing = p.qi.findIndex((q) => !columns.includes(q));
  if (missing >= 0)
    throw new BuildError(
      `qi.${missing}`,
      `the quasi-identifier "${p.qi[missing]}" must be published`,
    );
  if (p.l) {
    if (!columns.includes(p.l.sensitive))
      throw new BuildError('l.sensitive', `"${p.l.sensitive}" is not a published column`);
    if (p.qi.includes(p.l.sensitive))
      throw new BuildError('l.sensitive', 'the sensitive column must not be a quasi-identifier');
  }
  const input = project(table, columns);
  const result = anonymize(input, {
    qi: p.qi,
    k: p.k,
    hierarchies: storeHierarchies(),
    suppressionLimit: p.suppressionLimit,
    ...(p.l ? { l: p.l } : {}),
  });
  // Never trust a single implementation with the guarantee that is published.
  const faults = guaranteeFaults(result.table, p.qi, p.k, p.l ?? null);
  if (faults.length > 0) throw new Error(`the release breaks its guarantee: ${faults[0]}`);
  return {
    columns: result.table.columns,
    rows: result.table.rows,
    spend: null,
    report: {
      kind: 'microdata',
      records: table.rows.length,
      released: result.table.rows.length,
      k: p.k,
      qi: [...p.qi],
      l: p.l ?? null,
      levels: result.levels,
      risk: result.risk,
      riskBefore: result.riskBefore,
      utility: {
        ...result.utility,
        informationLoss: storeInformationLoss(
          result.table.rows,
          result.table.columns,
          p.qi,
          result.levels,
          result.suppressed,
        ),
      },
    },
  };
}

function dpInput(table: Table, p: AggregatesParameters | SyntheticParameters): Table {
  const columns = p.columns ?? [...DEFAULT_HUB_QI];
  checkColumns(table, columns, 'columns');
  return project(table, columns);
}

function dpAggregates(
  input: Table,
  p: AggregatesParameters | SyntheticParameters,
  o: BuildOptions,
) {
  return aggregate(input, {
    epsilon: p.epsilon,
    delta: p.delta,
    length: p.length,
    columns: input.columns,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  });
}

/**
 * The released combinations as a wide table: one column per counted column (an empty cell: the
 * combination does not fix that column, so it counts every value of it) and `count`.
 */
export function aggregatesTable(agg: DpAggregates): Table {
  const at = new Map(agg.columns.map((c, i) => [c, i]));
  const rows = agg.combinations.map((c) => {
    const row = agg.columns.map(() => '');
    for (const it of c.items) row[at.get(it.column)!] = it.value;
    row.push(String(c.count));
    return row;
  });
  return { columns: [...agg.columns, 'count'], rows };
}

function buildAggregates(table: Table, p: AggregatesParameters, o: BuildOptions): BuiltPublication {
  const input = dpInput(table, p);
  const agg = dpAggregates(input, p, o);
  const out = aggregatesTable(agg);
  return {
    columns: out.columns,
    rows: out.rows,
    spend: { epsilon: p.epsilon, delta: p.delta },
    report: {
      kind: 'aggregates',
      records: table.rows.length,
      released: out.rows.length,
      epsilon: p.epsilon,
      delta: p.delta,
      length: agg.length,
      columns: agg.columns,
      quality: evaluateAggregates(input, agg),
      syntheticQuality: null,
    },
  };
}

function buildSynthetic(
  table: Table,
  layout: HubLayout,
  p: SyntheticParameters,
  o: BuildOptions,
): BuiltPublication {
  const input = dpInput(table, p);
  const agg = dpAggregates(input, p, o);
  const synthetic = synthesize(agg, {
    emptyValue: layout === 'global' ? CTDC_MISSING : SYNTHETIC_MISSING,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  });
  return {
    columns: synthetic.columns,
    rows: synthetic.rows,
    spend: { epsilon: p.epsilon, delta: p.delta },
    report: {
      kind: 'synthetic',
      records: table.rows.length,
      released: synthetic.rows.length,
      epsilon: p.epsilon,
      delta: p.delta,
      length: agg.length,
      columns: agg.columns,
      quality: evaluateAggregates(input, agg),
      syntheticQuality: evaluateSynthetic(input, synthetic, { length: agg.length }),
    },
  };
}

/**
 * The publication `p` would make of `table` (the rows of its sources, all in `layout`).
 * @throws BuildError for a parameter that does not fit the data; AnonymizeError,
 *   AggregateError or SynthesizeError when the engine cannot meet the request.
 */
export function buildPublication(
  table: Table,
  layout: HubLayout,
  p: PublicationParameters,
  o: BuildOptions = {},
): BuiltPublication {
  switch (p.kind) {
    case 'microdata':
      return buildMicrodata(table, layout, p);
    case 'aggregates':
      return buildAggregates(table, p, o);
    case 'synthetic':
      return buildSynthetic(table, layout, p, o);
  }
}
