import type { Identity } from '@app/domain';
import { SESSION_STREAM } from '@app/domain';
import type { ContextItem } from '../context/context-item';
import type { FilesCapability, LlmParameters } from '../llm/llm.port';

export { SESSION_STREAM };

export function sessionStreamId(sessionId: string): string {
  return `${SESSION_STREAM}-${sessionId}`;
}

export const SESSION_TYPES = ['DESIGN', 'COMPONENT_DESIGNS', 'TESTS', 'CODE'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export type SessionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export type StepName =
  | 'generate_design'
  | 'validate_design'
  | 'revise_design'
  | 'submit_design'
  | 'start_children'
  | 'await_children'
  | 'generate_tests'
  | 'fix_tests'
  | 'check_alignment'
  | 'record_red'
  | 'generate_code'
  | 'fix_code'
  | 'run_tests'
  | 'finalize';

export interface FileRef {
  readonly path: string;
  readonly sha256: string;
}

export interface TestSummary {
  readonly name: string;
  readonly status: string;
  readonly failureKind: string | null;
  readonly message: string | null;
}

/** What a finished step produced; the router decides the next step from it. */
/**
 * What a TESTS session reworks: the newest green run before the accepted design (its tests and
 * code), the design version it was green for, and the accepted design's assertions that version did
 * not have (by their words): the tests of those must fail against the old code, the others may pass.
 */
export interface ReworkBasis {
  readonly greenRunId: string;
  /** The workspace version the green run's files were recorded as. */
  readonly workspaceVersion: number;
  readonly fromVersion: number;
  readonly tests: readonly FileRef[];
  readonly code: readonly FileRef[];
  readonly changedAssertions: readonly string[];
}

export type StepResult =
  | {
      readonly kind: 'draft';
      readonly designSha256: string;
      /** The reply held no design (cut off, refused, empty, only reasoning): validation says so. */
      readonly problem?: { readonly code: string; readonly message: string } | null;
    }
  | {
      readonly kind: 'validation';
      readonly valid: boolean;
      readonly errors: readonly { code: string; message: string; section: string | null }[];
    }
  | {
      readonly kind: 'submitted';
      readonly designVersion: number;
      readonly valid: boolean;
      readonly errors: readonly { code: string; message: string; section: string | null }[];
    }
  | {
      readonly kind: 'children';
      readonly children: readonly { sessionId: string; componentId: string; name: string }[];
    }
  | {
      readonly kind: 'children_finished';
      readonly results: readonly {
        sessionId: string;
        componentId: string;
        status: SessionStatus;
        reason: string | null;
      }[];
    }
  | {
      readonly kind: 'files';
      readonly files: readonly FileRef[];
      readonly rejected: readonly { path: string; reason: string }[];
      readonly workspaceVersion: number;
      /** A reply with no usable file: what was wrong with it, fed back to the next attempt. */
      readonly problem?: { readonly code: string; readonly message: string } | null;
      readonly feedback?: string | null;
      /**
       * CODE: the red run, its test files and the design version the code was written against; `code`
       * (reworking existing code): the implementation files that run had, which the code starts from.
       */
      readonly basis?: {
        readonly redRunId: string;
        readonly tests: readonly FileRef[];
        readonly designVersion: number;
        readonly code?: readonly FileRef[];
      };
      /** TESTS reworking a component after a redesign: see `ReworkBasis`. */
      readonly rework?: ReworkBasis;
    }
  | {
      readonly kind: 'run';
      readonly runId: string;
      readonly outcome: string;
      readonly tests: readonly TestSummary[];
      /** TESTS: red as the method wants it; CODE: green. */
      readonly accepted: boolean;
      /** Why not, and whether another LLM attempt could fix it. */
      readonly problem: string | null;
      readonly fixable: boolean;
    }
  | { readonly kind: 'alignment'; readonly aligned: boolean; readonly missing: readonly string[] }
  | { readonly kind: 'evidence'; readonly runId: string }
  | { readonly kind: 'commit'; readonly commit: string; readonly message: string };

export interface SessionStarted {
  readonly type: 'SessionStarted';
  readonly data: {
    readonly sessionId: string;
    readonly projectId: string;
    readonly componentId: string;
    readonly componentName: string;
    readonly sessionType: SessionType;
    readonly parentId: string | null;
    readonly maxIterations: number;
    readonly budget: { readonly maxLlmCalls: number; readonly maxTokens: number };
    /** Whose rights the session acts with (no secret: the services sign it afresh per call). */
    readonly startedBy: Identity;
    readonly correlationId: string;
    readonly parameters: LlmParameters;
    readonly at: string;
  };
}

export interface StepStarted {
  readonly type: 'StepStarted';
  readonly data: {
    readonly step: StepName;
    /** 1-based count of this step name in the session. */
    readonly attempt: number;
    /** Chosen before a sandbox run starts, so a resumed step finds the run it already made. */
    readonly runId: string | null;
    readonly at: string;
  };
}

export interface LlmCallRecorded {
  readonly type: 'LlmCallRecorded';
  readonly data: {
    readonly callId: string;
    readonly step: StepName;
    readonly attempt: number;
    readonly parameters: LlmParameters;
    /** The model the endpoint says answered. */
    readonly model: string;
    readonly contextHash: string;
    readonly items: readonly ContextItem[];
    /** The exact messages (canonical JSON) and the reply, as blobs. */
    readonly messagesSha256: string;
    readonly replySha256: string;
    readonly promptTokens: number;
    readonly completionTokens: number;
    readonly finishReason: string | null;
    readonly httpAttempts: number;
    readonly durationMs: number;
    readonly at: string;
    /** How files were asked for (and how that was decided); absent for calls that write none. */
    readonly filesMode?: FilesCapability | null;
    /** The model's separate reasoning, as a blob: recorded, never fed back as code. */
    readonly reasoningSha256?: string | null;
    /** The endpoint reported no usage: the token counts are estimates. */
    readonly usageEstimated?: boolean;
    /** Follow-ups that continued a reply cut off at the token limit. */
    readonly continuations?: number;
    readonly refusal?: string | null;
    readonly truncated?: boolean;
    /** Parameters this model refused and that were left out. */
    readonly omittedParameters?: readonly string[];
  };
}

export interface StepCompleted {
  readonly type: 'StepCompleted';
  readonly data: {
    readonly step: StepName;
    readonly attempt: number;
    readonly outcome: 'SUCCEEDED' | 'FAILED';
    readonly detail: string;
    readonly result: StepResult;
    readonly at: string;
  };
}

export interface SessionSucceeded {
  readonly type: 'SessionSucceeded';
  readonly data: { readonly summary: string; readonly at: string };
}

export interface SessionFailed {
  readonly type: 'SessionFailed';
  readonly data: { readonly reason: string; readonly at: string };
}

export interface SessionCancelled {
  readonly type: 'SessionCancelled';
  readonly data: { readonly by: string; readonly at: string };
}

export type SessionEvent =
  | SessionStarted
  | StepStarted
  | LlmCallRecorded
  | StepCompleted
  | SessionSucceeded
  | SessionFailed
  | SessionCancelled;
