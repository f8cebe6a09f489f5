import { normalizeTestName } from '@app/domain';
import type { TraceComponent, TraceEvidence, TraceInputs, TraceStory } from './trace';
import { traceCriteria } from './trace';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const story: TraceStory = {
  id: 's1',
  title: 'Shorten a URL',
  criteria: [
    { id: 'c1', ref: 'AC-1', description: 'the code has 7 characters' },
    { id: 'c2', ref: 'AC-2', description: 'the same URL gets the same code' },
  ],
};
const component = (overrides: Partial<TraceComponent> = {}): TraceComponent => ({
  id: 'k1',
  name: 'Shortener',
  dirty: false,
  assertions: ['codes have 7 characters [AC-1]', 'a URL keeps its code [AC-2]', 'logs each code'],
  acceptedAt: at(0),
  ...overrides,
});
const evidence = (
  name: string,
  red: number | null,
  green: number | null,
  files: { red?: string; green?: string } = {},
): TraceEvidence => ({
  name,
  lastRedRunId: red === null ? null : `red-${red}`,
  lastRedAt: red === null ? null : at(red),
  lastRedFileSha256: files.red ?? null,
  lastGreenRunId: green === null ? null : `green-${green}`,
  lastGreenAt: green === null ? null : at(green),
  lastGreenFileSha256: files.green ?? null,
});
const inputs = (tests: TraceEvidence[], overrides: Partial<TraceComponent> = {}): TraceInputs => ({
  stories: [story],
  componentOfStory: new Map([['s1', component(overrides)]]),
  evidence: new Map([['k1', new Map(tests.map((t) => [normalizeTestName(t.name), t]))]]),
});
const statuses = (input: TraceInputs) => traceCriteria(input).criteria.map((c) => c.status);

describe('traceCriteria', () => {
  it('verifies a criterion whose citing assertions have tests that failed, then passed', () => {
    const trace = traceCriteria(
      inputs([evidence('codes have 7 characters', 1, 2), evidence('a URL keeps its code', 1, 2)]),
    );
    expect(trace.complete).toBe(true);
    expect(trace.criteria[0]).toEqual({
      criterion: story.criteria[0],
      story: { id: 's1', title: 'Shorten a URL' },
      component: { id: 'k1', name: 'Shortener' },
      assertions: ['codes have 7 characters [AC-1]'],
      tests: [evidence('codes have 7 characters', 1, 2)],
      status: 'VERIFIED',
    });
    expect(trace.counts.find((c) => c.status === 'VERIFIED')?.count).toBe(2);
  });

  it('walks the chain: unlinked, uncited, untested, not red, not green', () => {
    expect(statuses({ ...inputs([]), componentOfStory: new Map() })).toEqual(['UNLINKED', 'UNLINKED']);
    expect(statuses(inputs([], { assertions: null }))).toEqual(['UNCITED', 'UNCITED']);
    expect(statuses(inputs([], { assertions: ['codes have 7 characters [AC-1]'] }))).toEqual([
      'UNTESTED',
      'UNCITED',
    ]);
    expect(
      statuses(
        inputs([evidence('codes have 7 characters', null, 2), evidence('a URL keeps its code', 3, null)]),
      ),
    ).toEqual(['NOT_RED', 'NOT_GREEN']);
  });

  it('is not green when the test failed again after it passed', () => {
    expect(
      statuses(inputs([evidence('codes have 7 characters', 5, 2), evidence('a URL keeps its code', 1, 2)])),
    ).toEqual(['NOT_GREEN', 'VERIFIED']);
  });

  it('marks everything of a component with stale work DIRTY, and is then incomplete', () => {
    const trace = traceCriteria(
      inputs([evidence('codes have 7 characters', 1, 2), evidence('a URL keeps its code', 1, 2)], {
        dirty: true,
      }),
    );
    expect(trace.criteria.map((c) => c.status)).toEqual(['DIRTY', 'DIRTY']);
    expect(trace.complete).toBe(false);
  });

  it('counts only evidence recorded since the design was accepted', () => {
    const tests = [evidence('codes have 7 characters', 1, 2), evidence('a URL keeps its code', 3, 4)];
    expect(statuses(inputs(tests, { acceptedAt: at(3) }))).toEqual(['UNTESTED', 'VERIFIED']);
    expect(
      statuses(inputs([evidence('codes have 7 characters', 1, 5), tests[1]], { acceptedAt: at(3) })),
    ).toEqual(['NOT_RED', 'VERIFIED']);
  });

  it('does not verify a criterion whose text changed after its tests last passed, until they pass again', () => {
    const tests = [evidence('codes have 7 characters', 1, 2), evidence('a URL keeps its code', 1, 2)];
    const changed: TraceInputs = {
      ...inputs(tests),
      stories: [{ ...story, criteria: [{ ...story.criteria[0], changedAt: at(3) }, story.criteria[1]] }],
    };
    // AC-1 now says something else: its red still shows the test can fail, its green is about the old text.
    expect(statuses(changed)).toEqual(['NOT_GREEN', 'VERIFIED']);
    const passedAgain = {
      ...changed,
      evidence: inputs([evidence('codes have 7 characters', 1, 4), tests[1]]).evidence,
    };
    expect(statuses(passedAgain)).toEqual(['VERIFIED', 'VERIFIED']);
    // A waiver that said so, after the change, keeps the evidence; one from before the change does not.
    const kept = (when: number) => ({
      ...changed,
      componentOfStory: new Map([['s1', component({ keptEvidence: new Map([['c1', at(when)]]) })]]),
    });
    expect(statuses(kept(5))).toEqual(['VERIFIED', 'VERIFIED']);
    expect(statuses(kept(2))).toEqual(['NOT_GREEN', 'VERIFIED']);
  });

  it('counts green only from the test file that was red', () => {
    const same = evidence('codes have 7 characters', 1, 2, { red: 'sha-a', green: 'sha-a' });
    const changed = evidence('a URL keeps its code', 1, 2, { red: 'sha-a', green: 'sha-b' });
    expect(statuses(inputs([same, changed]))).toEqual(['VERIFIED', 'NOT_GREEN']);
  });

  it('names the test to write for a cited assertion without one', () => {
    const trace = traceCriteria(inputs([]));
    expect(trace.criteria[1].tests).toEqual([evidence('a URL keeps its code', null, null)]);
  });

  it('is not complete for a project without criteria', () => {
    expect(traceCriteria({ ...inputs([]), stories: [] }).complete).toBe(false);
  });

  it('cannot trace a criterion recorded before references existed: it stays UNCITED', () => {
    const legacy: TraceStory = { ...story, criteria: [{ id: 'c0', ref: null, description: 'old' }] };
    expect(statuses({ ...inputs([]), stories: [legacy] })).toEqual(['UNCITED']);
  });
});
