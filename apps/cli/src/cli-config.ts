import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError } from './cli-error';

export interface CliConfig {
  readonly url: string;
  readonly token: string;
}

/** `$CODEMYSPEC_CONFIG`, else `$XDG_CONFIG_HOME/codemyspec/config.json`, else `~/.config/codemyspec/config.json`. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CODEMYSPEC_CONFIG) return env.CODEMYSPEC_CONFIG;
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'codemyspec', 'config.json');
}

export async function readConfig(env: NodeJS.ProcessEnv = process.env): Promise<Partial<CliConfig>> {
  try {
    return JSON.parse(await readFile(configPath(env), 'utf8')) as Partial<CliConfig>;
  } catch {
    return {};
  }
}

/** The token is a secret: the file is written 0600 in a 0700 folder. */
export async function writeConfig(config: CliConfig, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const path = configPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return path;
}

/** Flags win over the environment (`CODEMYSPEC_URL`, `CODEMYSPEC_TOKEN`), which wins over the saved login. */
export async function resolveConfig(
  flags: { url?: string; token?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliConfig> {
  const saved = await readConfig(env);
  const url = flags.url ?? env.CODEMYSPEC_URL ?? saved.url ?? 'http://127.0.0.1:4000';
  const token = flags.token ?? env.CODEMYSPEC_TOKEN ?? saved.token;
  if (!token)
    throw new CliError(
      'not logged in: run "codemyspec login --url <gateway> --token <token>" (or set CODEMYSPEC_TOKEN)',
    );
  return { url: url.replace(/\/+$/, ''), token };
}
