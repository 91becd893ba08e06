import type { CliIo, Command } from './command.ts';
import { UsageError } from './command.ts';
import { commands } from './commands/index.ts';

const processIo: CliIo = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function help(io: CliIo): void {
  io.out('Usage: lantern <command> [options]\n\nCommands:');
  for (const c of commands) io.out(`  ${c.usage.padEnd(72)} ${c.summary}`);
}

/** Finds the command whose words are the longest prefix of argv. */
function resolve(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: Command | undefined;
  for (const c of commands) {
    if (c.path.every((w, i) => argv[i] === w) && c.path.length > (best?.path.length ?? 0)) best = c;
  }
  return best && { command: best, rest: argv.slice(best.path.length) };
}

/** Entry point of the `lantern` binary; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    help(io);
    return argv.length === 0 ? 2 : 0;
  }
  const found = resolve(argv);
  if (!found) {
    io.err(`lantern: unknown command "${argv.join(' ')}". Run "lantern help".`);
    return 2;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`lantern: ${e.message}\nUsage: lantern ${found.command.usage}`);
      return 2;
    }
    io.err(`lantern: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
