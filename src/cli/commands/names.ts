import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { analyseCached, compareAnalysed } from '../../shared/linkage/names/index.ts';

const USAGE = 'names score < pairs.tsv';

/** Why a line could not be scored; never quotes the line, which holds personal names. */
function problem(line: string): string | null {
  if (line === '') return 'empty line (expected two names separated by a tab)';
  const tab = line.indexOf('\t');
  if (tab < 0) return 'no tab (expected two names separated by one tab)';
  if (line.indexOf('\t', tab + 1) >= 0) {
    const tabs = line.split('\t').length - 1;
    return `${tabs} tabs (expected two names separated by one tab)`;
  }
  return null;
}

/** Six decimals at most: enough to rank, short to print. */
const format = (s: number) => String(Math.round(s * 1e6) / 1e6);

/**
 * `lantern names score`: one similarity per input line, in order (docs/name-matching.md).
 * Output stays aligned with input: a line that cannot be scored prints 0 and is reported on
 * standard error by its line number; a pair where a name has no letters is scored 0 and
 * reported too. Exit code 0 when at least one line was scored, 1 when none was.
 */
export const namesScoreCommand: Command = {
  path: ['names', 'score'],
  summary:
    'Score tab-separated pairs of names (stdin, one pair a line) in any script; prints one similarity in [0,1] a line',
  usage: USAGE,
  async run(args, io) {
    if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
    let input = await io.readStdin();
    if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    if (input === '') {
      io.err('lantern names score: no pairs on standard input (expected "name<TAB>name" lines)');
      return 1;
    }
    const lines = input.split('\n');
    // A final newline ends the last line; it does not start an empty one.
    if (lines[lines.length - 1] === '') lines.pop();
    const out: string[] = new Array<string>(lines.length);
    const notes: string[] = [];
    let scored = 0;
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i] as string;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const bad = problem(line);
      if (bad !== null) {
        out[i] = '0';
        notes.push(`line ${i + 1}: ${bad}; printed 0`);
        continue;
      }
      const tab = line.indexOf('\t');
      const a = analyseCached(line.slice(0, tab));
      const b = analyseCached(line.slice(tab + 1));
      const missing = [a, b].findIndex((n) => n.tokens.length === 0);
      if (missing >= 0) {
        const which = missing === 0 ? 'first' : 'second';
        const n = missing === 0 ? a : b;
        const what = n.flags.empty ? 'is empty' : 'has no letters';
        notes.push(`line ${i + 1}: the ${which} name ${what}; printed 0`);
        out[i] = '0';
        scored++;
        continue;
      }
      if (a.flags.truncated || b.flags.truncated) {
        notes.push(
          `line ${i + 1}: a name longer than 1,000 characters or 12 words was compared on its beginning`,
        );
      }
      out[i] = format(compareAnalysed(a, b));
      scored++;
    }
    if (lines.length > 0) io.out(`${out.join('\n')}\n`);
    // Problems are few in normal use; cap the report so a wrong file does not flood the terminal.
    const shown = notes.slice(0, 100);
    if (notes.length > shown.length)
      shown.push(`... and ${notes.length - shown.length} more lines with problems`);
    if (shown.length > 0) io.err(shown.map((n) => `lantern names score: ${n}`).join('\n'));
    if (scored === 0) {
      io.err('lantern names score: no line could be scored');
      return 1;
    }
    return 0;
  },
};
