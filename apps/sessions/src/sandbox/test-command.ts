import { ValidationError } from '@app/domain';
import { SANDBOX_REPORT_FILE } from './sandbox.port';

/** The default target: TypeScript run by Node's built-in test runner (no install step). */
export const DEFAULT_TEST_COMMAND = 'node --test';

/**
 * Splits a command into argv the way a POSIX shell would split words (single and double quotes,
 * backslash escapes), without running a shell: no variables, globs, pipes or redirections.
 */
export function splitCommand(command: string): string[] {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < command.length && '"\\$`'.includes(command[i + 1])) word += command[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
    } else if ('|&;<>()$`'.includes(c)) {
      throw new ValidationError(`the command may not use shell syntax ("${c}"): it is run without a shell`, [
        { field: 'command', message: `unquoted "${c}"` },
      ]);
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote)
    throw new ValidationError('the command has an unclosed quote', [
      { field: 'command', message: 'unclosed quote' },
    ]);
  if (inWord) argv.push(word);
  if (argv.length === 0)
    throw new ValidationError('the command is empty', [{ field: 'command', message: 'empty' }]);
  return argv;
}

/**
 * The argv to run. For Node's test runner, a machine-readable TAP report goes to the report file
 * (per-test results come from it) and the human-readable spec report to stdout. A command that
 * already names its own reporters is left alone (its results then come from stdout if it is TAP).
 */
export function testArgv(command: string = DEFAULT_TEST_COMMAND): {
  argv: string[];
  reportFile: string | null;
} {
  const argv = splitCommand(command);
  const isNodeTest = /(^|\/)node$/.test(argv[0]) && argv.includes('--test');
  const namesReporter = argv.some((a) => a.startsWith('--test-reporter'));
  if (!isNodeTest || namesReporter) return { argv, reportFile: null };
  const at = argv.indexOf('--test') + 1;
  return {
    argv: [
      ...argv.slice(0, at),
      '--test-reporter=tap',
      `--test-reporter-destination=${SANDBOX_REPORT_FILE}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      ...argv.slice(at),
    ],
    reportFile: SANDBOX_REPORT_FILE,
  };
}
