import type { TraceStatus } from '@app/domain';
import { criterionCitations, normalizeTestName, TRACE_STATUSES } from '@app/domain';
import type { EvidenceSince } from './evidence-since';
import { carriedOverFrom } from './evidence-since';
import { sameSource } from './test-source';

export type { TraceStatus } from '@app/domain';

export interface TraceStory {
  readonly id: string;
  readonly title: string;
  readonly criteria: readonly {
    readonly id: string;
    readonly ref: string | null;
    readonly description: string;
    /** When its text last changed (null: never since it was written). */
    readonly changedAt?: Date | null;
  }[];
}

export interface TraceComponent {
  readonly id: string;
  readonly name: string;
  /** The accepted design version whose assertions the trace follows; null without one. */
  readonly designVersion: number | null;
  /** An upstream change made its design (and so its evidence) stale. */
  readonly dirty: boolean;
  /** The accepted design's Test Assertions; null without an accepted design. */
  readonly assertions: readonly string[] | null;
  /** When that design was accepted: evidence from before it is about another design and does not count… */
  readonly acceptedAt: Date | null;
  /** …except a test's whose assertion earlier accepted versions had too (by test key; see `evidenceSince`). */
  readonly evidenceSince?: ReadonlyMap<string, EvidenceSince>;
  /** Criteria (by id) whose changed text a waiver said the evidence recorded so far still verifies, and when. */
  readonly keptEvidence?: ReadonlyMap<string, Date>;
}

export interface TraceEvidence {
  readonly name: string;
  readonly lastRedRunId: string | null;
  readonly lastRedAt: Date | null;
  /** The content hash of the test file the test was declared in, when the run told it. */
  readonly lastRedFileSha256: string | null;
  readonly lastGreenRunId: string | null;
  readonly lastGreenAt: Date | null;
  readonly lastGreenFileSha256: string | null;
}

/** A test's evidence as it counts, and the earlier design version its red evidence was carried over from. */
export interface TracedTest extends TraceEvidence {
  readonly carriedOverFrom: number | null;
}

export interface TraceInputs {
  readonly stories: readonly TraceStory[];
  /** The component each story is linked to. */
  readonly componentOfStory: ReadonlyMap<string, TraceComponent>;
  /** Per component, its tests by normalized name. */
  readonly evidence: ReadonlyMap<string, ReadonlyMap<string, TraceEvidence>>;
}

export interface TracedCriterion {
  readonly criterion: TraceStory['criteria'][number];
  readonly story: { readonly id: string; readonly title: string };
  readonly component: {
    readonly id: string;
    readonly name: string;
    readonly designVersion: number | null;
  } | null;
  /** The assertions of the accepted design that cite the criterion. */
  readonly assertions: readonly string[];
  /** One per citing assertion: the test named after it and its evidence (no runs when there is no such test). */
  readonly tests: readonly TracedTest[];
  readonly status: TraceStatus;
}

export interface Traceability {
  readonly complete: boolean;
  readonly counts: readonly { readonly status: TraceStatus; readonly count: number }[];
  readonly criteria: readonly TracedCriterion[];
}

/**
 * Criterion → component → citing assertions → tests → red then green evidence, for every criterion
 * of the project. Each criterion gets the first status that holds: UNLINKED (its story is on no
 * component), DIRTY (an upstream change made the component's work stale), UNCITED (no assertion of
 * the accepted design cites it), UNTESTED (a citing assertion has no test with red or green
 * evidence since the design was accepted), NOT_RED (a test never failed for the right reason), NOT_GREEN (a test has not passed
 * since it last failed, with the same test file), else VERIFIED. Complete when there are criteria
 * and every one is VERIFIED (a project without criteria has traced nothing).
 */
export function traceCriteria(inputs: TraceInputs): Traceability {
  const criteria = inputs.stories.flatMap((story) =>
    story.criteria.map((criterion) => traceOne(inputs, story, criterion)),
  );
  const counts = TRACE_STATUSES.map((status) => ({
    status,
    count: criteria.filter((c) => c.status === status).length,
  }));
  const complete = criteria.length > 0 && criteria.every((c) => c.status === 'VERIFIED');
  return { complete, counts, criteria };
}

interface ParsedAssertion {
  readonly assertion: string;
  /** The test named after it: its normalized name (the evidence key) and its text. */
  readonly testKey: string;
  readonly testName: string;
}

/** A design's assertions by the criteria they cite, parsed once per design (not once per criterion). */
const citingAssertions = new WeakMap<readonly string[], ReadonlyMap<string, readonly ParsedAssertion[]>>();

function assertionsCiting(assertions: readonly string[]): ReadonlyMap<string, readonly ParsedAssertion[]> {
  let byRef = citingAssertions.get(assertions);
  if (!byRef) {
    const index = new Map<string, ParsedAssertion[]>();
    for (const assertion of assertions) {
      const { refs, text } = criterionCitations(assertion);
      const parsed = { assertion, testKey: normalizeTestName(assertion), testName: text };
      for (const ref of new Set(refs)) index.set(ref, [...(index.get(ref) ?? []), parsed]);
    }
    citingAssertions.set(assertions, (byRef = index));
  }
  return byRef;
}

const NO_ASSERTIONS: readonly ParsedAssertion[] = [];
const NO_EVIDENCE: ReadonlyMap<string, TraceEvidence> = new Map();

function traceOne(
  inputs: TraceInputs,
  story: TraceStory,
  criterion: TraceStory['criteria'][number],
): TracedCriterion {
  const component = inputs.componentOfStory.get(story.id);
  const base = { criterion, story: { id: story.id, title: story.title } };
  if (!component) return { ...base, component: null, assertions: [], tests: [], status: 'UNLINKED' };
  const ref = criterion.ref;
  const citing = ref
    ? (assertionsCiting(component.assertions ?? []).get(ref) ?? NO_ASSERTIONS)
    : NO_ASSERTIONS;
  const known = inputs.evidence.get(component.id) ?? NO_EVIDENCE;
  const greenSince = greenNotBefore(component, criterion);
  // Each test as recorded (shown), and as it counts for the accepted design (its status).
  const traced = citing.map((cited) => {
    const recorded = known.get(cited.testKey) ?? noRuns(cited.testName);
    const since = component.evidenceSince?.get(cited.testKey);
    const counted = thatCounts(since?.since ?? component.acceptedAt, greenSince)(recorded);
    const shown: TracedTest = { ...recorded, carriedOverFrom: carriedOverFrom(since, counted.lastRedAt) };
    return { shown, counted };
  });
  return {
    ...base,
    component: { id: component.id, name: component.name, designVersion: component.designVersion },
    assertions: citing.map((cited) => cited.assertion),
    tests: traced.map((test) => test.shown),
    status: statusOf(
      component,
      traced.map((test) => test.counted),
    ),
  };
}

function noRuns(name: string): TraceEvidence {
  return {
    name,
    lastRedRunId: null,
    lastRedAt: null,
    lastRedFileSha256: null,
    lastGreenRunId: null,
    lastGreenAt: null,
    lastGreenFileSha256: null,
  };
}

/**
 * Since when a green run verifies the criterion: its text's last change, unless a waiver said
 * since then that the evidence recorded still verifies it (null: no such limit).
 */
function greenNotBefore(component: TraceComponent, criterion: TraceStory['criteria'][number]): Date | null {
  const changedAt = criterion.changedAt ?? null;
  if (changedAt === null) return null;
  const kept = component.keptEvidence?.get(criterion.id);
  return kept !== undefined && kept.getTime() >= changedAt.getTime() ? null : changedAt;
}

/**
 * The evidence that counts for the accepted design: runs recorded at or after its acceptance; a
 * green run also no earlier than `greenSince` (the criterion's text changed: tests that passed
 * before verified the old text). Red evidence before the change still shows the tests can fail.
 */
function thatCounts(acceptedAt: Date | null, greenSince: Date | null) {
  const after = (at: Date | null, since: Date | null) =>
    at !== null && (since === null || at.getTime() >= since.getTime());
  const greenFrom =
    greenSince !== null && (acceptedAt === null || greenSince.getTime() > acceptedAt.getTime())
      ? greenSince
      : acceptedAt;
  return (test: TraceEvidence): TraceEvidence => ({
    ...test,
    lastRedAt: after(test.lastRedAt, acceptedAt) ? test.lastRedAt : null,
    lastGreenAt: after(test.lastGreenAt, greenFrom) ? test.lastGreenAt : null,
  });
}

function statusOf(component: TraceComponent, tests: readonly TraceEvidence[]): TraceStatus {
  if (component.dirty) return 'DIRTY';
  if (tests.length === 0) return 'UNCITED';
  if (tests.some((t) => t.lastRedAt === null && t.lastGreenAt === null)) return 'UNTESTED';
  if (tests.some((t) => t.lastRedAt === null)) return 'NOT_RED';
  // Green counts when it came after red, from the same test source (when both runs told its hash).
  const greenAfterRed = (t: TraceEvidence) =>
    t.lastGreenAt !== null &&
    t.lastRedAt !== null &&
    t.lastGreenAt.getTime() >= t.lastRedAt.getTime() &&
    sameSource(t.lastRedFileSha256, t.lastGreenFileSha256);
  return tests.every(greenAfterRed) ? 'VERIFIED' : 'NOT_GREEN';
}
