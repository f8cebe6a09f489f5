import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, DEFAULT_PORTS, envReader } from '@app/platform';
import { DEFAULT_SANDBOX_LIMITS, MAX_SANDBOX_TIMEOUT_MS } from './sandbox/sandbox-limits';
import type { SandboxSettings } from './sandbox/sandbox-settings';

/** The Nest token of the service's SessionsConfig. */
export const SESSIONS_CONFIG = Symbol('SESSIONS_CONFIG');

export interface LlmSettings {
  /** Unset: automated sessions refuse with LLM_NOT_CONFIGURED; manual mode still works. */
  readonly baseUrl: string | undefined;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly temperature: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** OPENAI_FILES_MODE: how files are asked for (auto: probe the endpoint once). */
  readonly filesMode: 'auto' | 'tools' | 'json' | 'fenced';
  /** OPENAI_MAX_TOKENS: the reply limit sent (unset: the endpoint's own). */
  readonly maxTokens: number | null;
  /** OPENAI_REASONING_EFFORT, for reasoning models. */
  readonly reasoningEffort: string | null;
  /** OPENAI_STREAM: stream replies (default) or take them whole. */
  readonly stream: boolean;
  /** A streamed reply that sends nothing for this long is abandoned (and retried). */
  readonly stallTimeoutMs: number;
  /** Follow-ups asked for when a reply stops at the token limit. */
  readonly maxContinuations: number;
}

export interface SessionsConfig {
  readonly dataDir: string;
  readonly storiesUrl: string;
  readonly architectUrl: string;
  readonly sandbox: SandboxSettings;
  readonly llm: LlmSettings;
  readonly budgets: { readonly maxLlmCalls: number; readonly maxTokens: number };
  readonly defaultMaxIterations: number;
  /** Sessions driven at once by this instance (children of COMPONENT_DESIGNS included). */
  readonly sessionConcurrency: number;
  /** A project's git record takes no further artifact beyond this size (MB). */
  readonly gitMaxRepoMb: number;
  /** How long a session's finalize waits for the git record to commit its green run. */
  readonly recordWaitMs: number;
}

const MiB = 1024 * 1024;

function subgraphUrl(read: ReturnType<typeof envReader>, name: 'stories' | 'architect'): string {
  const prefix = name.toUpperCase();
  return (
    read.urls(`${prefix}_URL`, ['http:', 'https:'])?.join(',') ??
    `http://127.0.0.1:${read.port(`${prefix}_PORT`, DEFAULT_PORTS[name])}/graphql`
  );
}

const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high'];

function reasoningEffortOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!REASONING_EFFORTS.includes(value))
    throw new ConfigError('OPENAI_REASONING_EFFORT', `must be one of ${REASONING_EFFORTS.join(', ')}`);
  return value;
}

/** Settings of the sessions service beyond the common ones; a bad value names its variable. */
export function loadSessionsConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SessionsConfig {
  const read = envReader(env);
  const dataDir = resolve(read.string('CODEMYSPEC_DATA_DIR', './.data'));
  const baseUrl = read.url('OPENAI_BASE_URL', ['http:', 'https:']);
  const temperature = Number(read.string('OPENAI_TEMPERATURE', '0'));
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2)
    throw new ConfigError('OPENAI_TEMPERATURE', 'must be a number between 0 and 2');
  const image = read.string('SANDBOX_IMAGE', 'codemyspec/sandbox-node:24');
  if (!/^[a-z0-9][\w./:@-]{0,254}$/i.test(image))
    throw new ConfigError('SANDBOX_IMAGE', 'is not an image name');
  return {
    dataDir,
    gitMaxRepoMb: read.int('GIT_MAX_REPO_MB', 1024, { min: 1, max: 1_048_576 }),
    recordWaitMs: read.int('GIT_RECORD_WAIT_MS', 60_000, { min: 1_000, max: 600_000 }),
    storiesUrl: subgraphUrl(read, 'stories'),
    architectUrl: subgraphUrl(read, 'architect'),
    sandbox: {
      driver: read.oneOf('SANDBOX_DRIVER', ['auto', 'docker', 'bubblewrap', 'none'], 'auto'),
      image,
      limits: {
        timeoutMs: read.int('SANDBOX_TIMEOUT_MS', DEFAULT_SANDBOX_LIMITS.timeoutMs, {
          min: 500,
          max: MAX_SANDBOX_TIMEOUT_MS,
        }),
        memoryBytes:
          read.int('SANDBOX_MEMORY_MB', DEFAULT_SANDBOX_LIMITS.memoryBytes / MiB, { min: 32, max: 16_384 }) *
          MiB,
        pids: read.int('SANDBOX_PIDS', DEFAULT_SANDBOX_LIMITS.pids, { min: 8, max: 4096 }),
        outputBytes: read.int('SANDBOX_OUTPUT_BYTES', DEFAULT_SANDBOX_LIMITS.outputBytes, {
          min: 1024,
          max: 64 * MiB,
        }),
        cpus: read.int('SANDBOX_CPUS', DEFAULT_SANDBOX_LIMITS.cpus, { min: 1, max: 64 }),
        scratchBytes:
          read.int('SANDBOX_SCRATCH_MB', DEFAULT_SANDBOX_LIMITS.scratchBytes / MiB, { min: 1, max: 4096 }) *
          MiB,
        diskBytes:
          read.int('SANDBOX_DISK_MB', DEFAULT_SANDBOX_LIMITS.diskBytes / MiB, { min: 16, max: 65_536 }) * MiB,
        artifactBytes: DEFAULT_SANDBOX_LIMITS.artifactBytes,
      },
      concurrency: read.int('SANDBOX_CONCURRENCY', 2, { min: 1, max: 64 }),
      warmPool: read.int('SANDBOX_WARM_POOL', 2, { min: 0, max: 32 }),
      workRoot: resolve(
        read.string('SANDBOX_WORK_DIR', join(tmpdir(), `codemyspec-sandbox-${process.getuid?.() ?? 0}`)),
      ),
    },
    llm: {
      baseUrl,
      apiKey: read.optionalString('OPENAI_API_KEY'),
      model: read.string('OPENAI_MODEL', 'gpt-4.1-mini'),
      temperature,
      timeoutMs: read.int('OPENAI_TIMEOUT_MS', 120_000, { min: 1_000 }),
      maxRetries: read.int('OPENAI_MAX_RETRIES', 3, { min: 0, max: 10 }),
      filesMode: read.oneOf('OPENAI_FILES_MODE', ['auto', 'tools', 'json', 'fenced'], 'auto'),
      maxTokens:
        read.optionalString('OPENAI_MAX_TOKENS') === undefined
          ? null
          : read.int('OPENAI_MAX_TOKENS', 0, { min: 16 }),
      reasoningEffort: reasoningEffortOf(read.optionalString('OPENAI_REASONING_EFFORT')),
      stream: read.bool('OPENAI_STREAM', true),
      stallTimeoutMs: read.int('OPENAI_STALL_TIMEOUT_MS', 60_000, { min: 100 }),
      maxContinuations: read.int('OPENAI_MAX_CONTINUATIONS', 2, { min: 0, max: 10 }),
    },
    budgets: {
      maxLlmCalls: read.int('SESSION_MAX_LLM_CALLS', 20, { min: 1 }),
      maxTokens: read.int('SESSION_MAX_TOKENS', 400_000, { min: 100 }),
    },
    defaultMaxIterations: read.int('SESSION_MAX_ITERATIONS', 3, { min: 1, max: 20 }),
    sessionConcurrency: read.int('SESSION_CONCURRENCY', 4, { min: 1, max: 64 }),
  };
}
