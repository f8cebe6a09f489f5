import type { CliConfig } from './cli-config';
import type { Gql } from './graphql-client';

export interface CommandContext {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | undefined>;
  /** Resolves the gateway and token (flags, environment, saved login) and returns a client. */
  connect(): Promise<{ config: CliConfig; graphql: Gql }>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: () => Promise<string>;
  readonly isTTY: boolean;
  /** --json was given (anywhere on the line): print JSON for scripts instead of tables. */
  readonly json: boolean;
}

/** One option of a command: `--name <value>` (string) or `--name` (boolean), said in its help. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly description?: string;
}

export interface Command {
  /** The words that name it (`['tests', 'run']`). */
  readonly path: readonly string[];
  readonly summary: string;
  readonly usage: string;
  /** Lines of `--help` after the usage. */
  readonly help: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  run(context: CommandContext): Promise<number>;
}

export function requireValue(context: CommandContext, name: string): string {
  const value = context.values[name];
  if (typeof value !== 'string' || value === '') throw new MissingOption(name);
  return value;
}

export class MissingOption extends Error {
  constructor(readonly option: string) {
    super(`--${option} is required`);
  }
}
