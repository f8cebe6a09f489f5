import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/codemyspec.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI as a user runs it: its own process (bin/codemyspec.js), a home folder of its own for
 * the saved login, and only PATH from the test's environment.
 */
export function cliRunner(home: string) {
  const cli = (
    args: string[],
    options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
  ): Promise<CliRun> =>
    new Promise((done) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: options.cwd,
        env: {
          PATH: process.env.PATH,
          HOME: home,
          CODEMYSPEC_CONFIG: join(home, 'config.json'),
          ...options.env,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.stdin.end(options.stdin ?? '');
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  const ok = async (
    args: string[],
    options?: { stdin?: string; env?: Record<string, string>; cwd?: string },
  ): Promise<string> => {
    const run = await cli(args, options);
    if (run.code !== 0)
      throw new Error(`codemyspec ${args.join(' ')} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
    return run.stdout;
  };
  return { cli, ok };
}
