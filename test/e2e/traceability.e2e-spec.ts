import { waitFor } from '@app/testing/wait-for';
import { component, shortenerKit } from './shortener-kit';
import type { RunningSystem } from './system';
import { sandboxDriver, startSystem } from './system';

/** Criterion references through the gateway: designs must cite them, and a changed criterion makes the work stale. */
describe('traceability through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  }, 120_000);
  afterAll(() => system?.stop());

  const { ok, testFile, codeFile, RUN_AS_EVIDENCE, run, until, shortenerProject } = shortenerKit(
    () => system,
  );

  it('narrows the report to one component or to some statuses, and pages through it', async () => {
    const create = async (name: string) =>
      (
        await ok<{ createProject: { id: string } }>(
          `mutation($n: String!) { createProject(input: { name: $n, description: "" }) { id } }`,
          { n: name },
        )
      ).createProject.id;
    const projectId = await create('Paged trace');
    const { componentId } = await shortenerProject(projectId);
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 UNCITED', 'AC-2 UNCITED'], 'the stories to be traced');
    type Page = {
      traceability: {
        complete: boolean;
        totalCount: number;
        counts: { status: string; count: number }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        criteria: { criterion: { ref: string }; status: string }[];
      };
    };
    const page = async (variables: Record<string, unknown>) =>
      (
        await ok<Page>(
          `query($p: ID!, $c: ID, $s: [TraceStatus!], $f: Int, $a: String) {
            traceability(projectId: $p, componentId: $c, status: $s, first: $f, after: $a) {
              complete totalCount counts { status count } pageInfo { hasNextPage endCursor }
              criteria { criterion { ref } status } } }`,
          { p: projectId, ...variables },
        )
      ).traceability;
    const refs = (report: Page['traceability']) => report.criteria.map((c) => c.criterion.ref);
    const nonZero = (report: Page['traceability']) => report.counts.filter((c) => c.count > 0);

    const component = await page({ c: componentId });
    expect([refs(component), component.totalCount, nonZero(component)]).toEqual([
      ['AC-1', 'AC-2'],
      2,
      [{ status: 'UNCITED', count: 2 }],
    ]);
    const unlinked = await page({ s: ['UNLINKED'] });
    expect([refs(unlinked), unlinked.totalCount]).toEqual([['AC-3'], 1]);
    expect(nonZero(unlinked)).toHaveLength(2); // the counts cover the whole scope, not the filter

    const first = await page({ f: 2 });
    expect([refs(first), first.totalCount, first.pageInfo.hasNextPage]).toEqual([['AC-3', 'AC-1'], 3, true]);
    const second = await page({ f: 2, a: first.pageInfo.endCursor });
    expect([refs(second), second.pageInfo.hasNextPage]).toEqual([['AC-2'], false]);

    const badCursor = await system.graphql(
      `query($p: ID!) { traceability(projectId: $p, after: "AC-2") { totalCount } }`,
      {
        p: projectId,
      },
    );
    expect(badCursor.errors?.[0]).toMatchObject({
      message: 'after: "AC-2" is not a cursor this query returned',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooMany = await system.graphql(
      `query($p: ID!) { traceability(projectId: $p, first: 5000) { totalCount } }`,
      {
        p: projectId,
      },
    );
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // A component of another project is not in this one's scope.
    const other = await shortenerProject(await create('Other trace'));
    const foreign = await system.graphql(
      `query($p: ID!, $c: ID!) { traceability(projectId: $p, componentId: $c) { totalCount } }`,
      { p: projectId, c: other.componentId },
    );
    expect(foreign.errors?.[0]).toMatchObject({
      message: `component ${other.componentId} was not found`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a design that leaves a criterion uncited or cites a foreign one, and marks the work DIRTY when a criterion changes', async () => {
    const projectId = (
      await ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Trace", description: "" }) { id } }`,
      )
    ).createProject.id;
    const { shorten, stats, componentId } = await shortenerProject(projectId);
    expect([...shorten.acceptanceCriteria, ...stats.acceptanceCriteria].map((c) => c.ref)).toEqual([
      'AC-1',
      'AC-2',
      'AC-3',
    ]);

    const draft = component(['codes have 7 characters [AC-1]', 'counts a visit [AC-3]']);
    const checked = await ok<{
      validateDesign: { valid: boolean; errors: { code: string; message: string }[] };
    }>(
      `query($c: ID!, $m: String!) { validateDesign(componentId: $c, markdown: $m) { valid errors { code message } } }`,
      { c: componentId, m: draft },
    );
    expect(checked.validateDesign).toEqual({
      valid: false,
      errors: [
        {
          code: 'unknown-criterion',
          message: '[AC-3] is not an acceptance criterion of a story linked to Shortener',
        },
        {
          code: 'uncited-criterion',
          message:
            'AC-2 of "Shorten a URL" (the same URL gets the same code) is cited by no test assertion; end an assertion that verifies it with [AC-2]',
        },
      ],
    });

    const accepted = await ok<{ submitDesign: { valid: boolean; errors: unknown[] } }>(
      `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid errors { code } } }`,
      {
        i: {
          componentId,
          markdown: component([
            'codes have 7 characters [AC-1]',
            'a URL keeps its code [AC-2]',
            'logs each code',
          ]),
        },
      },
    );
    expect(accepted.submitDesign).toEqual({ valid: true, errors: [] });

    await ok(
      `mutation($i: UpdateAcceptanceCriterionInput!) { updateAcceptanceCriterion(input: $i) { id } }`,
      {
        i: {
          storyId: shorten.id,
          criterionId: shorten.acceptanceCriteria[0].id,
          description: 'the code has 8 characters',
        },
      },
    );
    await waitFor(
      async () =>
        (
          await ok<{ component: { designStatus: string } }>(
            `query($c: ID!) { component(id: $c) { designStatus } }`,
            {
              c: componentId,
            },
          )
        ).component.designStatus === 'DIRTY',
      20_000,
      'the component to become DIRTY after its criterion changed',
    );
    const changed =
      'AC-1 of "Shorten a URL" changed: "the code has 7 characters" → "the code has 8 characters"';
    const dirty = await ok<{ component: { dirtyCauses: unknown[] } }>(
      `query($c: ID!) { component(id: $c) { dirtyCauses { kind source version summary } } }`,
      { c: componentId },
    );
    expect(dirty.component.dirtyCauses).toEqual([
      {
        kind: 'CRITERION_CHANGED',
        source: `story-${shorten.id}`,
        version: expect.any(Number),
        summary: changed,
      },
    ]);
    const actions = await ok<{
      nextActions: { component: { id: string }; action: string; reason: string }[];
    }>(`query($p: ID!) { nextActions(projectId: $p) { component { id } action reason } }`, { p: projectId });
    expect(actions.nextActions.find((a) => a.component.id === componentId)).toMatchObject({
      action: 'REGENERATE',
      reason: `${changed}; regenerate the design, tests and code.`,
    });
    await waitFor(
      async () =>
        (
          await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
            s: shorten.id,
          })
        ).story.status === 'DIRTY',
      20_000,
      'the story to become DIRTY',
    );
    const untouched = await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
      s: stats.id,
    });
    expect(untouched.story.status).toBe('IN_PROGRESS');

    // "This change needs no rework": the design stands, with the reason and the actor on record.
    const waived = await ok<{ acceptDesignAsCurrent: { designStatus: string; dirtyCauses: unknown[] } }>(
      `mutation($i: AcceptDesignAsCurrentInput!) { acceptDesignAsCurrent(input: $i) { designStatus dirtyCauses { kind } } }`,
      { i: { componentId, reason: 'only the wording changed' } },
    );
    expect(waived.acceptDesignAsCurrent).toEqual({ designStatus: 'ACCEPTED', dirtyCauses: [] });
    await waitFor(
      async () =>
        (
          await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
            s: shorten.id,
          })
        ).story.status === 'IN_PROGRESS',
      20_000,
      'the story to be current again',
    );
    const again = await system.graphql(
      `mutation($i: AcceptDesignAsCurrentInput!) { acceptDesignAsCurrent(input: $i) { id } }`,
      { i: { componentId, reason: 'twice' } },
    );
    expect(again.errors?.[0]).toMatchObject({
      message: 'Shortener is not DIRTY: there is no change to accept',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('traces each criterion to its tests and counts red only for the right reason, then green, until a criterion changes', async () => {
    if (!(await sandboxDriver())) return;
    const projectId = (
      await ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Evidence", description: "" }) { id } }`,
      )
    ).createProject.id;
    const { shorten, stats, componentId } = await shortenerProject(projectId);
    const unknown = await system.graphql(`query($p: ID!) { traceability(projectId: $p) { complete } }`, {
      p: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND'); // a mistyped id fails a gate
    // Stories are listed by title: "Count visits" (AC-3) first, then "Shorten a URL".
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 UNCITED', 'AC-2 UNCITED'], 'no design yet');
    // Before the design is accepted, a run is no evidence, and says so.
    expect(await run(projectId, componentId, [testFile(7)])).toMatchObject({
      evidence: 'NONE',
      evidenceReason:
        'the component had no accepted design: tests are written from one, so this run is no evidence',
      alignment: { designVersion: null, missing: [] },
    });
    // Asked for as evidence, it is refused instead.
    const early = await system.graphql(RUN_AS_EVIDENCE, {
      i: { projectId, componentId, files: [testFile(7)], asEvidence: true },
    });
    expect(early.errors?.[0]).toMatchObject({
      message:
        'Shortener has no accepted design: tests are written from one, so no run can be evidence yet. Submit a design, or run without asEvidence',
      extensions: { code: 'CONFLICT' },
    });
    const design = (length: number) =>
      component([`codes have ${length} characters [AC-1]`, 'a URL keeps its code [AC-2]']);
    await ok(`mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`, {
      i: { componentId, markdown: design(7) },
    });
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 UNTESTED', 'AC-2 UNTESTED'], 'a design, no tests');

    // Failing for the wrong reason (a syntax error) is no red evidence, and the run says why.
    expect(await run(projectId, componentId, [testFile(7, true)])).toMatchObject({
      outcome: 'FAILED',
      evidence: 'NONE',
      evidenceReason:
        'test/shortener.test.ts failed with a syntax error, not on an assertion: it proves nothing about the code',
    });
    // So is failing on a module that is not the component's implementation.
    const elsewhere = {
      ...testFile(7),
      content: testFile(7).content.replace('../src/shortener.ts', '../src/links-store.ts'),
    };
    expect(await run(projectId, componentId, [elsewhere])).toMatchObject({
      outcome: 'FAILED',
      evidence: 'NONE',
      evidenceReason: expect.stringMatching(
        /^test\/shortener\.test\.ts could not load a module that is not the component's own implementation \(.*links-store\.ts/,
      ),
    });
    // A run asked for as evidence whose tests match no assertion is refused before it runs.
    const unaligned = await system.graphql(RUN_AS_EVIDENCE, {
      i: {
        projectId,
        componentId,
        asEvidence: true,
        files: [
          {
            path: 'test/shortener.test.ts',
            content: "import test from 'node:test';\ntest('works', () => {});\n",
          },
        ],
      },
    });
    expect(unaligned.errors?.[0]).toMatchObject({
      message:
        "none of the tests in the files is named after a Test Assertion of Shortener's design version 1",
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // Failing because the implementation is missing is.
    expect(
      (
        await ok<{ runTests: { id: string } }>(RUN_AS_EVIDENCE, {
          i: { projectId, componentId, files: [testFile(7)], asEvidence: true },
        })
      ).runTests.id,
    ).toBeTruthy();
    const red = await run(projectId, componentId, [testFile(7)]);
    expect(red).toMatchObject({ outcome: 'FAILED', evidence: 'RED' });
    // The tests the file declares are aligned with the accepted design's assertions, though none ran.
    expect(red.alignment).toEqual({
      designVersion: 1,
      assertions: [
        { assertion: 'codes have 7 characters [AC-1]', testName: 'codes have 7 characters' },
        { assertion: 'a URL keeps its code [AC-2]', testName: 'a URL keeps its code' },
      ],
      missing: [],
    });
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 NOT_GREEN', 'AC-2 NOT_GREEN'], 'red evidence');
    const green = await run(projectId, componentId, [testFile(7), codeFile(7)]);
    expect(green).toMatchObject({
      outcome: 'PASSED',
      evidence: 'GREEN',
      evidenceReason: 'all 2 tests passed',
    });
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'], 'green evidence');
    const status = async () =>
      (
        await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
          s: shorten.id,
        })
      ).story.status;
    // Every criterion of the story VERIFIED: the story completes by itself.
    await waitFor(async () => (await status()) === 'COMPLETED', 20_000, 'the verified story to be COMPLETED');
    const report = await ok<{
      traceability: {
        complete: boolean;
        criteria: { tests: { name: string; lastRedRunId: string; lastGreenRunId: string }[] }[];
      };
    }>(
      `query($p: ID!) { traceability(projectId: $p) { complete criteria { tests { name lastRedRunId lastGreenRunId } } } }`,
      { p: projectId },
    );
    expect(report.traceability.complete).toBe(false); // AC-3's story is on no component
    expect(report.traceability.criteria[1].tests).toEqual([
      { name: 'codes have 7 characters', lastRedRunId: red.id, lastGreenRunId: green.id },
    ]);
    // Green from a test file other than the one seen red does not count; the red file green again does.
    const edited = { ...testFile(7), content: `${testFile(7).content}\n// edited after the red run\n` };
    await run(projectId, componentId, [edited, codeFile(7)]);
    await until(
      projectId,
      ['AC-3 UNLINKED', 'AC-1 NOT_GREEN', 'AC-2 NOT_GREEN'],
      'green from another test file',
    );
    await run(projectId, componentId, [testFile(7), codeFile(7)]);
    await until(
      projectId,
      ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'],
      'green from the red file again',
    );

    // 7 → 8 characters: the evidence is stale until the design, the tests and the code follow.
    await ok(
      `mutation($i: UpdateAcceptanceCriterionInput!) { updateAcceptanceCriterion(input: $i) { id } }`,
      {
        i: {
          storyId: shorten.id,
          criterionId: shorten.acceptanceCriteria[0].id,
          description: 'the code has 8 characters',
        },
      },
    );
    await until(
      projectId,
      ['AC-3 UNLINKED', 'AC-1 DIRTY', 'AC-2 DIRTY'],
      'the change to make the work stale',
    );
    await waitFor(async () => (await status()) === 'DIRTY', 20_000, 'the stale story to be DIRTY');
    await ok(`mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`, {
      i: { componentId, markdown: design(8) },
    });
    // The renamed assertion starts afresh; the unchanged one keeps the evidence of version 1.
    await until(
      projectId,
      ['AC-3 UNLINKED', 'AC-1 UNTESTED', 'AC-2 VERIFIED'],
      'a new design: only the unchanged assertion keeps its evidence',
    );
    await waitFor(
      async () => (await status()) === 'IN_PROGRESS',
      20_000,
      'the redesign to make the story current',
    );
    await run(projectId, componentId, [testFile(8), codeFile(8)]);
    await until(
      projectId,
      ['AC-3 UNLINKED', 'AC-1 NOT_RED', 'AC-2 VERIFIED'],
      'green without a red run since the new design',
    );
    // Red against the old code for the renamed test (the other passes beside it), then green.
    expect((await run(projectId, componentId, [testFile(8), codeFile(7)])).evidence).toBe('RED');
    await run(projectId, componentId, [testFile(8), codeFile(8)]);
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'], 'verified again');
    await waitFor(async () => (await status()) === 'COMPLETED', 20_000, 'the story to be COMPLETED again');

    // Linking another story changes what the design must cover: the component and both stories are stale, with the cause.
    await ok(`mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`, {
      i: { storyId: stats.id, componentId },
    });
    await until(
      projectId,
      ['AC-3 DIRTY', 'AC-1 DIRTY', 'AC-2 DIRTY'],
      'a linked story to make the work stale',
    );
    await waitFor(async () => (await status()) === 'DIRTY', 20_000, 'the completed story to be DIRTY');
    const actions = await ok<{ nextActions: { action: string; reason: string }[] }>(
      `query($p: ID!) { nextActions(projectId: $p) { action reason } }`,
      { p: projectId },
    );
    expect(actions.nextActions).toContainEqual({
      action: 'REGENERATE',
      reason:
        '"Count visits" was linked to Shortener after its design was accepted; regenerate the design, tests and code.',
    });
  });
});
