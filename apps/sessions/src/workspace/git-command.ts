import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Settings given on every git command line. Command-line settings override every config file, so
 * even a repository config that was tampered with cannot run a program: no fsmonitor, no hooks,
 * no signing program, no external diff, pager or credential helper, no protocol but local files.
 */
const LOCKED_SETTINGS = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.sshCommand=false',
  'core.pager=cat',
  'core.editor=false',
  'core.askPass=',
  'credential.helper=',
  'commit.gpgSign=false',
  'tag.gpgSign=false',
  'diff.external=',
  'protocol.allow=never',
  'protocol.file.allow=always',
];

/** An empty folder for HOME and XDG_CONFIG_HOME, so no user or global config is ever read. */
function emptyHome(): string {
  const home = join(tmpdir(), `codemyspec-git-home-${process.getuid?.() ?? 'user'}`);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  return home;
}

let home: string | undefined;

export interface GitRun {
  /** Bytes written to git's stdin. */
  readonly input?: string | Buffer;
  /** Extra environment (author, committer, GIT_INDEX_FILE); nothing of the service's own. */
  readonly env?: Readonly<Record<string, string>>;
}

/** The fixed environment every git process runs with (no config but the command line's, no prompt). */
function gitEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  home ??= emptyHome();
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/**
 * Starts `git upload-pack --stateless-rpc` on a bare repository for the smart HTTP protocol, with
 * the same locked settings and environment as every other git command (`gitProtocol`: the client's
 * `Git-Protocol` header, e.g. `version=2`). The caller streams stdin and stdout.
 */
export function spawnUploadPack(
  gitDir: string,
  options: { advertiseRefs: boolean; gitProtocol?: string },
): ChildProcessWithoutNullStreams {
  const argv = [
    ...LOCKED_SETTINGS.flatMap((setting) => ['-c', setting]),
    'upload-pack',
    '--stateless-rpc',
    ...(options.advertiseRefs ? ['--advertise-refs'] : []),
    gitDir,
  ];
  const protocol =
    options.gitProtocol && /^[a-z0-9=:.-]{1,64}$/i.test(options.gitProtocol)
      ? options.gitProtocol
      : undefined;
  return spawn('git', argv, {
    env: gitEnv(protocol ? { GIT_PROTOCOL: protocol } : {}),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * Runs git on a bare repository (`--git-dir`, never a work tree) with a fixed environment: no
 * system, global or user config, no `includeIf` target reachable from a worktree (there is none),
 * no terminal prompt. Resolves with stdout; rejects with git's stderr.
 */
export function runGit(gitDir: string, args: readonly string[], run: GitRun = {}): Promise<string> {
  const argv = [...LOCKED_SETTINGS.flatMap((setting) => ['-c', setting]), `--git-dir=${gitDir}`, ...args];
  const env = gitEnv(run.env);
  return new Promise((resolve, reject) => {
    const child = spawn('git', argv, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8').trim());
      else
        reject(
          new Error(
            `git ${args[0]} failed (${code}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 500)}`,
          ),
        );
    });
    child.stdin.on('error', () => undefined); // git may exit before reading everything
    child.stdin.end(run.input ?? '');
  });
}
