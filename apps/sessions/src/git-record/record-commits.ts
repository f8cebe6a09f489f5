import { criterionCitations, runEvidence } from '@app/domain';
import type { ArtifactCommitted, PublicDesignSubmitted, SandboxRunRecorded } from '@app/domain';
import { fileStem } from '../context/file-layout';
import { isTestPath } from '../session/test-paths';

/** Where the method keeps the stories. */
export const USER_STORIES_PATH = 'docs/user_stories.md';

export type Trailer = readonly [string, string];

/** What one artifact commit holds, before the files' content is read, and what it records. */
export interface ArtifactCommit {
  readonly message: string;
  readonly trailers: readonly Trailer[];
  readonly fact: {
    readonly kind: ArtifactCommitted['data']['kind'];
    readonly componentId: string | null;
    readonly designVersion: number | null;
    readonly sandboxRunId: string | null;
    readonly sessionId: string | null;
  };
}

const NO_ARTIFACT = { componentId: null, designVersion: null, sandboxRunId: null, sessionId: null };

/** `docs/design/<context>/<component>.md`, in file stems (a context's own design: `<context>/<context>.md`). */
export function designPath(componentName: string, contextName: string | null | undefined): string {
  const component = fileStem(componentName);
  return `docs/design/${contextName ? fileStem(contextName) : component}/${component}.md`;
}

/** The criterion references the Test Assertions cite, each once, in order. */
export function citedRefs(testAssertions: readonly string[]): string[] {
  return [...new Set(testAssertions.flatMap((line) => criterionCitations(line).refs))];
}

function refsTrailer(refs: readonly string[]): Trailer[] {
  return refs.length > 0 ? [['Story', refs.join(', ')]] : [];
}

/** An accepted design version. */
export function designCommit(
  design: PublicDesignSubmitted['data'],
  name: string,
  actor: string,
): ArtifactCommit {
  return {
    message: `Design of ${name}: version ${design.version} accepted`,
    trailers: [
      ...refsTrailer(citedRefs(design.testAssertions)),
      ['Component', `${name} (${design.componentId})`],
      ['Design-Version', String(design.version)],
      ['Actor', actor],
    ],
    fact: { ...NO_ARTIFACT, kind: 'DESIGN', componentId: design.componentId, designVersion: design.version },
  };
}

/**
 * The files a run commits, and why: red evidence commits its test files, green evidence every file
 * of the run (the code with the tests it passes); a run that is no evidence commits nothing.
 */
export function runCommit(
  run: SandboxRunRecorded['data'],
  component: { name: string; designVersion: number | null; refs: readonly string[] },
  actor: string,
): (ArtifactCommit & { paths: string[] }) | null {
  const { evidence } = runEvidence(run);
  if (evidence === 'NONE') return null;
  const files = run.files ?? [];
  const paths = (evidence === 'RED' ? files.filter((f) => isTestPath(f.path)) : files).map((f) => f.path);
  if (paths.length === 0) return null;
  const designVersion = run.designVersion ?? component.designVersion;
  return {
    paths,
    message:
      evidence === 'RED'
        ? `Tests of ${component.name}: red (${run.testsFailed} failing before the code)`
        : `Code of ${component.name}: green (${run.testsPassed} passing)`,
    trailers: [
      ...refsTrailer(component.refs),
      ['Component', `${component.name} (${run.componentId})`],
      ...(designVersion === null ? [] : ([['Design-Version', String(designVersion)]] as const)),
      ['Sandbox-Run', run.runId],
      ...(run.sessionId ? ([['Session', run.sessionId]] as const) : []),
      ['Actor', actor],
    ],
    fact: {
      kind: evidence,
      componentId: run.componentId,
      designVersion,
      sandboxRunId: run.runId,
      sessionId: run.sessionId ?? null,
    },
  };
}

/** A change to the stories: `docs/user_stories.md` as the export writes it. */
export function storiesCommit(summary: string, refs: readonly string[], actor: string): ArtifactCommit {
  return {
    message: summary,
    trailers: [...refsTrailer(refs), ['Actor', actor]],
    fact: { ...NO_ARTIFACT, kind: 'STORIES' },
  };
}
