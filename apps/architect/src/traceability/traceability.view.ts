import type { TraceStatus } from './trace';

export interface TracedTestView {
  readonly name: string;
  readonly lastRedRunId: string | null;
  readonly lastRedAt: string | null;
  readonly lastGreenRunId: string | null;
  readonly lastGreenAt: string | null;
}

export interface TracedCriterionView {
  readonly criterion: { readonly id: string; readonly ref: string | null; readonly description: string };
  readonly story: { readonly id: string; readonly title: string };
  readonly component: { readonly id: string; readonly name: string } | null;
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
