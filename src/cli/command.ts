/** What a CLI command can touch: its arguments and the three standard streams. */
export interface CliIo {
  /** Reads all of standard input as UTF-8. */
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

/** One `lantern` sub-command, e.g. `org create`. */
export interface Command {
  /** Words that select it, e.g. ['org', 'create']. */
  path: string[];
  summary: string;
  /** Usage line shown by `lantern help` and on bad arguments, without the leading "lantern ". */
  usage: string;
  /** Returns the process exit code: 0 success, 1 failure, 2 bad usage. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown for wrong arguments; the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}
