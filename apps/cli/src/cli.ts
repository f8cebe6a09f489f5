import { Command as Commander, CommanderError } from 'commander';
import type { Command, CommandContext } from './command';
import { MissingOption } from './command';
import { CliError } from './cli-error';
import { resolveConfig } from './cli-config';
import { COMMANDS } from './commands';
import { graphqlClient } from './graphql-client';
import { VERSION } from './version';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: () => Promise<string>;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

const GLOBAL = ['url', 'token', 'json'];

/** The flat list of every command, for `codemyspec --help`. */
function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  return [
    'codemyspec — the CodeMySpec command line (spec-driven development: stories, designs, red tests, green code)',
    '',
    'Usage: codemyspec [--url <gateway>] [--token <token>] [--json] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command (before or after it):',
    '  --url <gateway>   the gateway (else CODEMYSPEC_URL, else the saved login, else http://127.0.0.1:4000)',
    '  --token <token>   an API token (else CODEMYSPEC_TOKEN, else the saved login)',
    '  --json            print JSON for scripts instead of tables',
    '  -h, --help        help for a command',
    '  -V, --version     the version (on its own: `codemyspec --version`)',
    '',
    'Exit codes: 0 done, 1 the operation failed (an API error, failing tests, a failed session), 2 bad usage.',
    'Run "codemyspec <command> --help" for its options.',
  ].join('\n');
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The commander command for a path, creating the groups along it (`stories` for `stories import`). */
function commandAt(root: Commander, path: readonly string[]): Commander {
  let at = root;
  for (const word of path) {
    const existing = at.commands.find((c) => c.name() === word);
    at = existing ?? at.command(word).allowExcessArguments(false);
  }
  return at;
}

/** Registers one declared command; its action runs it with the parsed values and the io. */
function register(root: Commander, command: Command, io: CliIo, done: (code: number) => void): void {
  const target = commandAt(root, command.path);
  target
    .summary(command.summary)
    .description([command.summary, '', ...command.help].join('\n').trim())
    .usage(
      command.usage
        .split(' ')
        .slice(1 + command.path.length)
        .join(' '),
    )
    .argument('[args...]');
  for (const [name, spec] of Object.entries(command.options)) {
    if (GLOBAL.includes(name)) continue;
    const flag = spec.type === 'string' ? `--${name} <value>` : `--${name}`;
    if (spec.multiple)
      target.option(flag, spec.description ?? '', (v: string, all: string[] = []) => [...all, v]);
    else target.option(flag, spec.description ?? '');
  }
  target.action(async (args: string[], _options: unknown, self: Commander) => {
    const merged = self.optsWithGlobals<Record<string, string | boolean | undefined>>();
    const values: Record<string, string | boolean | undefined> = {};
    for (const name of [...Object.keys(command.options), ...GLOBAL]) values[name] = merged[camel(name)];
    done(await runCommand(command, args, values, io));
  });
}

async function runCommand(
  command: Command,
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
): Promise<number> {
  const context: CommandContext = {
    positionals,
    values,
    out: io.out,
    err: io.err,
    stdin: io.stdin,
    isTTY: io.isTTY,
    json: values.json === true,
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

/**
 * Runs one command line (commander parses it; every command of COMMANDS is registered along its
 * path) and returns the exit code, never throwing: 0 done, 1 failed, 2 bad usage. Error messages
 * name the command, never echo the arguments (a token may be among them).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || (argv.length === 1 && ['--help', '-h', 'help'].includes(argv[0]))) {
    io.out(overview());
    return argv.length === 0 ? 2 : 0;
  }
  // The version is the top level's alone: `stories show <id> --version 1` is the subcommand's option.
  if (argv.length === 1 && ['--version', '-V'].includes(argv[0])) {
    io.out(VERSION);
    return 0;
  }
  let code = 0;
  const program = new Commander('codemyspec')
    .option('--url <gateway>', 'the gateway')
    .option('--token <token>', 'an API token')
    .option('--json', 'print JSON instead of tables')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
    });
  for (const command of COMMANDS) register(program, command, io, (result) => (code = result));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed') return 0;
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
