import type { TraceStatus } from './trace';

export interface TracedTestView {
  readonly name: string;
  readonly lastRedRunId: string | null;
  readonly lastRedAt: string | null;
  readonly lastGreenRunId: string | null;
  readonly lastGreenAt: string | null;
  /** The earlier design version whose red evidence still counts (its assertion and source unchanged). */
  readonly carriedOverFrom: number | null;
}

export interface TracedCriterionView {
  readonly criterion: { readonly id: string; readonly ref: string | null; readonly description: string };
  readonly story: { readonly id: string; readonly title: string };
  readonly component: {
    readonly id: string;
    readonly name: string;
    /** The accepted design version whose assertions the criterion is traced through. */
    readonly designVersion: number | null;
  } | null;
  readonly assertions: readonly string[];
  readonly tests: readonly TracedTestView[];
  /** The commit of the green code; none until the project keeps a git record. */
  readonly commit: string | null;
  readonly status: TraceStatus;
}

export interface TraceabilityView {
  readonly projectId: string;
  readonly complete: boolean;
  readonly counts: readonly { readonly status: TraceStatus; readonly count: number }[];
  /** The page of criteria asked for, in report order. */
  readonly criteria: readonly TracedCriterionView[];
  /** How many criteria of the scope match the status filter, over all pages. */
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}
