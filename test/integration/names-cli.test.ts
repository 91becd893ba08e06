import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const scores = (out: string) => out.trimEnd().split('\n').map(Number);

describe('lantern names score', () => {
  it('prints one similarity per pair, in order, across scripts', async () => {
    const r = await runCli(['names', 'score'], 'Mohammed\tمحمد\nYusuf\tЮсуф\nTesfaye\tIbrahim\n');
    expect(r.code).toBe(0);
    const [a, b, c] = scores(r.out);
    expect(scores(r.out)).toHaveLength(3);
    expect(a).toBeGreaterThan(0.9);
    expect(b).toBe(1);
    expect(c).toBeLessThan(0.8);
    expect(r.err).toBe('');
  });

  it('handles a BOM and CRLF line ends', async () => {
    const r = await runCli(['names', 'score'], '\ufeffOlena\tElena\r\nAli\tAli\r\n');
    expect(r.code).toBe(0);
    expect(scores(r.out)).toEqual([1, 1]);
  });

  it('keeps the output aligned: a bad line prints 0 and is named on stderr without its text', async () => {
    const input = 'Fatima\tفاطمة\nno tab here\n\nA\tB\tC\n😀\tAli\nOmar\tعمر\n';
    const r = await runCli(['names', 'score'], input);
    expect(r.code).toBe(0);
    const s = scores(r.out);
    expect(s).toHaveLength(6);
    expect(s[0]).toBeGreaterThan(0.9);
    expect(s.slice(1, 5)).toEqual([0, 0, 0, 0]);
    expect(s[5]).toBeGreaterThan(0.9);
    expect(r.err).toContain('line 2: no tab');
    expect(r.err).toContain('line 3: empty line');
    expect(r.err).toContain('line 4: 2 tabs');
    expect(r.err).toContain('line 5: the first name has no letters');
    expect(r.err).not.toContain('no tab here');
    expect(r.err).not.toContain('Fatima');
  });

  it('reports a 1,000-character name as compared in part, and scores it', async () => {
    const r = await runCli(['names', 'score'], `${'Abdul '.repeat(200)}\tAbdul\n`);
    expect(r.code).toBe(0);
    expect(scores(r.out)[0]).toBeGreaterThan(0);
    expect(r.err).toContain('line 1: a name longer than 1,000 characters');
  });

  it('fails when no line could be scored, and on empty input', async () => {
    const bad = await runCli(['names', 'score'], 'just one name\n');
    expect(bad.code).toBe(1);
    expect(bad.out.trim()).toBe('0');
    expect(bad.err).toContain('no line could be scored');
    const empty = await runCli(['names', 'score'], '');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('no pairs on standard input');
  });

  it('rejects unknown arguments as a usage error', async () => {
    const r = await runCli(['names', 'score', '--fast'], 'a\tb\n');
    expect(r.code).toBe(2);
  });
});
