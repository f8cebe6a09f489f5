import { normalizeTestName } from '@app/domain';
import type { TraceComponent, TraceEvidence, TraceInputs, TraceStory } from './trace';
import { traceCriteria } from './trace';
import { evidenceSince } from './evidence-since';

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
  designVersion: 2,
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
      component: { id: 'k1', name: 'Shortener', designVersion: 2 },
      assertions: ['codes have 7 characters [AC-1]'],
      tests: [{ ...evidence('codes have 7 characters', 1, 2), carriedOverFrom: null }],
      status: 'VERIFIED',
    });
    expect(trace.counts.find((c) => c.status === 'VERIFIED')?.count).toBe(2);
  });

  it("follows the accepted design's assertions after a redesign, and carries over the unchanged ones", () => {
    const v2 = ['codes have 7 characters [AC-1]', 'a URL keeps its code [AC-2]'];
    const v3 = ['codes have 8 characters [AC-1]', 'a URL keeps its code [AC-2]'];
    const redesigned: Partial<TraceComponent> = {
      designVersion: 3,
      acceptedAt: at(5),
      assertions: v3,
      evidenceSince: evidenceSince([
        { version: 2, acceptedAt: at(0), assertions: v2 },
        { version: 3, acceptedAt: at(5), assertions: v3 },
      ]),
    };
    const before = [evidence('codes have 7 characters', 1, 2), evidence('a URL keeps its code', 1, 2)];
    const [ac1, ac2] = traceCriteria(inputs(before, redesigned)).criteria;
    expect(ac1.component?.designVersion).toBe(3);
    expect(ac1.assertions).toEqual(['codes have 8 characters [AC-1]']);
    expect(ac1.tests.map((t) => t.name)).toEqual(['codes have 8 characters']);
    expect(ac1.status).toBe('UNTESTED');
    // The unchanged assertion keeps its red and green of version 2.
    expect(ac2.status).toBe('VERIFIED');
    expect(ac2.tests[0].carriedOverFrom).toBe(2);
    // The rework run: the renamed test fails against the old code while the other passes; then green.
    const reworked = [
      evidence('codes have 7 characters', 1, 2),
      evidence('codes have 8 characters', 6, 7),
      evidence('a URL keeps its code', 1, 7),
    ];
    const trace = traceCriteria(inputs(reworked, redesigned));
    expect(trace.criteria.map((c) => c.status)).toEqual(['VERIFIED', 'VERIFIED']);
    expect(trace.criteria.map((c) => c.tests[0].carriedOverFrom)).toEqual([null, 2]);
  });

  it('does not carry evidence over a version that dropped the assertion, or without it', () => {
    const v1 = ['a URL keeps its code [AC-2]'];
    const v2 = ['codes have 7 characters [AC-1]'];
    const v3 = ['codes have 7 characters [AC-1]', 'a URL keeps its code [AC-2]'];
    const since = evidenceSince([
      { version: 1, acceptedAt: at(0), assertions: v1 },
      { version: 2, acceptedAt: at(3), assertions: v2 },
      { version: 3, acceptedAt: at(5), assertions: v3 },
    ]);
    const tests = [evidence('a URL keeps its code', 1, 2), evidence('codes have 7 characters', 4, 4)];
    const withSince = statuses(inputs(tests, { assertions: v3, acceptedAt: at(5), evidenceSince: since }));
    // AC-1's assertion was in versions 2 and 3; AC-2's was dropped by version 2, so its runs of version 1 do not count.
    expect(withSince).toEqual(['VERIFIED', 'UNTESTED']);
    const without = statuses(inputs(tests, { assertions: v3, acceptedAt: at(5) }));
    expect(without).toEqual(['UNTESTED', 'UNTESTED']);
  });

  it('needs the same test source for green after red, comparing hashes of one kind only', () => {
    const own = (hash: string) => `test:${hash}`;
    const tests = (red: string, green: string) => [
      evidence('codes have 7 characters', 1, 2, { red, green }),
      evidence('a URL keeps its code', 1, 2),
    ];
    expect(statuses(inputs(tests(own('a'), own('a'))))).toEqual(['VERIFIED', 'VERIFIED']);
    expect(statuses(inputs(tests(own('a'), own('b'))))).toEqual(['NOT_GREEN', 'VERIFIED']);
    // A red run recorded before tests had their own hash: its file hash cannot be compared.
    expect(statuses(inputs(tests('file-hash', own('b'))))).toEqual(['VERIFIED', 'VERIFIED']);
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
    expect(trace.criteria[1].tests).toEqual([
      { ...evidence('a URL keeps its code', null, null), carriedOverFrom: null },
    ]);
  });

  it('is not complete for a project without criteria', () => {
    expect(traceCriteria({ ...inputs([]), stories: [] }).complete).toBe(false);
  });

  it('cannot trace a criterion recorded before references existed: it stays UNCITED', () => {
    const legacy: TraceStory = { ...story, criteria: [{ id: 'c0', ref: null, description: 'old' }] };
    expect(statuses({ ...inputs([]), stories: [legacy] })).toEqual(['UNCITED']);
  });
});
