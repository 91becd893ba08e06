import { parseArgs } from 'node:util';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { ScreeningError } from '../../shared/screening/errors.ts';
import type { ScreeningResult } from '../../shared/screening/evaluate.ts';
import { evaluate } from '../../shared/screening/evaluate.ts';
import { getInstrument, listInstruments } from '../../shared/screening/registry.ts';

const USAGE =
  'screen --instrument <palermo|ilo-fl|ilo-ec|domv> [--version V] [--json] < answers.json';

/** The JSON printed for each instrument; the shapes are documented in docs/screening.md. */
export function resultJson(r: ScreeningResult): Record<string, unknown> {
  const reasons = r.reasons.map((x) => x.text);
  switch (r.kind) {
    case 'palermo':
      return { determination: r.determination, elements: r.elements, missing: r.missing, reasons };
    case 'ilo-fl':
      return { determination: r.determination, indicators: r.indicators, count: r.count, reasons };
    case 'ilo-ec':
      return {
        determination: r.determination,
        list: r.list,
        dimensions: r.dimensions,
        requirements: r.requirements,
        missing: r.missing,
        reasons,
      };
    case 'domv':
      return {
        levels: r.levels,
        recommendations: r.recommendations.map(({ service, because }) => ({ service, because })),
        reasons,
      };
  }
}

function resultText(r: ScreeningResult): string {
  const head =
    r.kind === 'domv'
      ? `${r.instrument.id} ${r.instrument.version}: vulnerability profile`
      : `${r.instrument.id} ${r.instrument.version}: ${r.determination.replace('_', ' ')}`;
  return [head, ...r.reasons.map((x) => `  - ${x.text}`)].join('\n');
}

function parseFlags(args: string[]): { instrument: string; version?: string; json: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        instrument: { type: 'string', short: 'i' },
        version: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const ids = listInstruments().map((s) => s.id);
  if (values.instrument === undefined) {
    throw new UsageError(`--instrument is required (one of: ${ids.join(', ')})`);
  }
  try {
    getInstrument(values.instrument, values.version);
  } catch (e) {
    if (e instanceof ScreeningError)
      throw new UsageError(e.issues.map((i) => i.message).join('; '));
    throw e;
  }
  return { instrument: values.instrument, version: values.version, json: values.json };
}

function fail(io: CliIo, message: string): number {
  io.err(`lantern screen: ${message}`);
  return 1;
}

/** `lantern screen`: scores answers read as JSON from standard input. */
export const screenCommand: Command = {
  path: ['screen'],
  summary:
    'Screen answers (JSON on stdin) with a screening instrument; prints the result and its reasons',
  usage: USAGE,
  async run(args, io) {
    const flags = parseFlags(args);
    const input = (await io.readStdin()).trim();
    if (input === '') return fail(io, 'no answers on standard input (expected a JSON object)');
    let answers: unknown;
    try {
      answers = JSON.parse(input);
    } catch (e) {
      return fail(
        io,
        `standard input is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    let result: ScreeningResult;
    try {
      result = evaluate(flags.instrument, flags.version, answers);
    } catch (e) {
      if (!(e instanceof ScreeningError)) throw e;
      const lines = e.issues.map((i) => `  ${i.path || '(answers)'}: ${i.message}`);
      return fail(io, `invalid answers for ${flags.instrument}:\n${lines.join('\n')}`);
    }
    io.out(flags.json ? JSON.stringify(resultJson(result)) : resultText(result));
    return 0;
  },
};
