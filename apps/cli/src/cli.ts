import { parseArgs } from 'node:util';
import type { CommandContext } from './command';
import { MissingOption } from './command';
import { CliError } from './cli-error';
import { resolveConfig } from './cli-config';
import { COMMANDS, findCommand } from './commands';
import { graphqlClient } from './graphql-client';

const GLOBAL_HELP = [
  '--url <gateway>   the gateway (else CODEMYSPEC_URL, else the saved login, else http://127.0.0.1:4000)',
  '--token <token>   an API token (else CODEMYSPEC_TOKEN, else the saved login)',
  '-h, --help        help for a command',
];

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: () => Promise<string>;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  return [
    'codemyspec — the CodeMySpec command line (spec-driven development: stories, designs, red tests, green code)',
    '',
    'Usage: codemyspec <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    ...GLOBAL_HELP.map((l) => `  ${l}`),
    '',
    'Exit codes: 0 done, 1 the operation failed (an API error, failing tests, a failed session), 2 bad usage.',
    'Run "codemyspec <command> --help" for its options.',
  ].join('\n');
}

/** Runs one command line; returns the exit code (never throws). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    io.out('codemyspec 0.1.0');
    return 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.err(`unknown command "${argv.join(' ')}"\n\n${overview()}`);
    return 2;
  }
  const rest = argv.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(
      [
        `${command.summary}`,
        '',
        `Usage: ${command.usage}`,
        '',
        ...command.help,
        ...(command.help.length ? [''] : []),
        ...GLOBAL_HELP,
      ].join('\n'),
    );
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, url: { type: 'string' }, token: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: ${command.usage}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const context: CommandContext = {
    positionals: parsed.positionals,
    values,
    out: io.out,
    err: io.err,
    stdin: io.stdin,
    isTTY: io.isTTY,
    async connect() {
      const config = await resolveConfig(
        {
          url: typeof values.url === 'string' ? values.url : undefined,
          token: typeof values.token === 'string' ? values.token : undefined,
        },
        io.env,
      );
      return { config, graphql: graphqlClient(config) };
    },
  };
  try {
    return await command.run(context);
  } catch (error) {
    if (error instanceof MissingOption) {
      io.err(`${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof CliError) {
      io.err(`error: ${error.message}`);
      return error.exitCode;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
