import type { BenchSettings } from './bench-settings';
import type { ContenderName } from './contender';
import { CONTENDER_NAMES } from './contender';

/** One timed measurement. */
export type BenchPhase =
  | {
      readonly kind: 'append';
      readonly label: string;
      readonly concurrency: number;
      readonly eventsPerCall: number;
    }
  | { readonly kind: 'readAll'; readonly label: string; readonly pageSize: number };

/** What a contender process is started with (through the environment). */
export interface ContenderJob {
  readonly contender: ContenderName;
  readonly url: string;
  readonly settings: BenchSettings;
}

export interface PhaseResult {
  readonly label: string;
  readonly events: number;
  readonly calls: number;
  readonly elapsedMs: number;
  /** Events in the contender's log when the phase started. */
  readonly storedBefore: number;
}

export interface SeedResult {
  readonly events: number;
  readonly elapsedMs: number;
}

/** Bench → contender process. */
export type ContenderCommand =
  | { readonly type: 'seed' }
  | { readonly type: 'measure'; readonly phase: BenchPhase }
  | { readonly type: 'close' };

/** Contender process → bench. */
export type ContenderMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'seeded'; readonly seed: SeedResult }
  | { readonly type: 'result'; readonly result: PhaseResult }
  | { readonly type: 'closed' }
  | { readonly type: 'error'; readonly message: string };

export const CONTENDER_JOB_ENV = 'CODEMYSPEC_BENCH_JOB';

export function parseContenderJob(text: string | undefined): ContenderJob {
  if (text === undefined)
    throw new Error(`${CONTENDER_JOB_ENV} is not set: this process is started by the bench`);
  const value: unknown = JSON.parse(text);
  const contender = isRecord(value) ? CONTENDER_NAMES.find((name) => name === value.contender) : undefined;
  if (!isRecord(value) || !contender || typeof value.url !== 'string' || !isBenchSettings(value.settings))
    throw new Error(`${CONTENDER_JOB_ENV} does not hold a contender job`);
  return { contender, url: value.url, settings: value.settings };
}

const SETTING_NAMES = [
  'warmupMs',
  'measureMs',
  'poolSize',
  'highConcurrency',
  'batchSize',
  'readPageSize',
  'readEvents',
  'streamsPerWorker',
] as const satisfies readonly (keyof BenchSettings)[];

function isBenchSettings(value: unknown): value is BenchSettings {
  return isRecord(value) && SETTING_NAMES.every((name) => typeof value[name] === 'number');
}

export function isContenderCommand(value: unknown): value is ContenderCommand {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'seed':
    case 'close':
      return true;
    case 'measure':
      return isRecord(value.phase) && typeof value.phase.label === 'string';
    default:
      return false;
  }
}

export function isContenderMessage(value: unknown): value is ContenderMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'closed':
      return true;
    case 'seeded':
      return isRecord(value.seed) && typeof value.seed.events === 'number';
    case 'result':
      return isRecord(value.result) && typeof value.result.label === 'string';
    case 'error':
      return typeof value.message === 'string';
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
