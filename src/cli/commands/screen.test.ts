import { describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { screenCommand } from './screen.ts';

function fakeIo(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(stdin),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { io, out, err };
}

describe('lantern screen', () => {
  it('prints the Palermo result as JSON with exactly the contract keys', async () => {
    const { io, out, err } = fakeIo(
      JSON.stringify({
        ageAtRecruitment: 16,
        act: ['recruitment'],
        means: [],
        purpose: ['sexual_exploitation'],
        unknown: [],
      }),
    );
    expect(await screenCommand.run(['--instrument', 'palermo', '--json'], io)).toBe(0);
    expect(err).toEqual([]);
    const printed = JSON.parse(out.join('')) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['determination', 'elements', 'missing', 'reasons']);
    expect(printed).toMatchObject({
      determination: 'likely',
      elements: { act: 'present', means: 'not_required', purpose: 'present' },
      missing: [],
    });
    expect((printed.reasons as unknown[]).every((r) => typeof r === 'string')).toBe(true);
  });

  it('accepts --version and screens the other instruments', async () => {
    const { io, out } = fakeIo(
      '{"ageAtRecruitment":40,"exploitation":"labour","present":["cd.violence"]}',
    );
    expect(
      await screenCommand.run(['--instrument', 'ilo-ec', '--version', '1.0.0', '--json'], io),
    ).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({
      determination: 'not_indicated',
      list: 'adults_labour',
    });
  });

  it('prints a readable summary without --json', async () => {
    const { io, out } = fakeIo('{"present":["deception","debt_bondage"]}');
    expect(await screenCommand.run(['--instrument', 'ilo-fl'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^ilo-fl 1\.0\.0: likely/);
  });

  it('exits 1 naming the field when the answers are invalid', async () => {
    const { io, out, err } = fakeIo('{"ageAtRecruitment":130,"act":["kidnap"]}');
    expect(await screenCommand.run(['--instrument', 'palermo', '--json'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('ageAtRecruitment');
    expect(err.join('\n')).toContain('act[0]');
  });

  it('exits 1 on input that is not JSON, or no input', async () => {
    expect(await screenCommand.run(['--instrument', 'palermo', '--json'], fakeIo('{act:').io)).toBe(
      1,
    );
    expect(await screenCommand.run(['--instrument', 'palermo', '--json'], fakeIo('').io)).toBe(1);
  });

  it('throws UsageError on bad flags', async () => {
    const { io } = fakeIo('{}');
    await expect(screenCommand.run(['--json'], io)).rejects.toThrow(UsageError);
    await expect(screenCommand.run(['--instrument', 'nope'], io)).rejects.toThrow(UsageError);
    await expect(
      screenCommand.run(['--instrument', 'palermo', '--version', '7'], io),
    ).rejects.toThrow(UsageError);
    await expect(screenCommand.run(['--instrument', 'palermo', '--bogus'], io)).rejects.toThrow(
      UsageError,
    );
  });
});
