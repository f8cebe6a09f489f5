import { waitFor } from '@app/testing/wait-for';
import { component, shortenerKit } from './shortener-kit';
import type { RunningSystem } from './system';
import { sandboxDriver, startSystem } from './system';

/**
 * What a new user met: AC-1 changed from "7 characters" to "8 characters", one waiver, and the
 * trace said VERIFIED by a test of 7 characters while the story stayed IN_PROGRESS. Now a waiver
 * names what it accepts, a criterion whose text changed is verified again only by a new green run
 * (or because the waiver says so for it), and the story is COMPLETED exactly when the trace is.
 */
describe('the waiver through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  }, 120_000);
  afterAll(() => system?.stop());

  const { ok, testFile, codeFile, run, until, shortenerProject } = shortenerKit(() => system);
  const design = component(['codes have 7 characters [AC-1]', 'a URL keeps its code [AC-2]']);

  /** A project whose AC-1 and AC-2 are VERIFIED, its story COMPLETED; then AC-1 says 8 characters. */
  async function verifiedThenChanged(name: string) {
    const projectId = (
      await ok<{ createProject: { id: string } }>(
        `mutation($n: String!) { createProject(input: { name: $n, description: "" }) { id } }`,
        { n: name },
      )
    ).createProject.id;
    const { shorten, componentId } = await shortenerProject(projectId);
    await ok(`mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`, {
      i: { componentId, markdown: design },
    });
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 UNTESTED', 'AC-2 UNTESTED'], 'the design');
    await run(projectId, componentId, [testFile(7)]);
    await run(projectId, componentId, [testFile(7), codeFile(7)]);
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'], 'green evidence');
    const status = async () =>
      (
        await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
          s: shorten.id,
        })
      ).story.status;
    await waitFor(async () => (await status()) === 'COMPLETED', 20_000, 'the story COMPLETED');
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
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 DIRTY', 'AC-2 DIRTY'], 'the change');
    await waitFor(async () => (await status()) === 'DIRTY', 20_000, 'the story DIRTY');
    return { projectId, componentId, status };
  }

  const waive = (input: Record<string, unknown>) =>
    system.graphql<{ acceptDesignAsCurrent: { designStatus: string; dirtyCauses: { source: string }[] } }>(
      `mutation($i: AcceptDesignAsCurrentInput!) { acceptDesignAsCurrent(input: $i) { designStatus dirtyCauses { source } } }`,
      { i: input },
    );

  it('leaves a changed criterion NOT_GREEN after a waiver until its tests pass again; the story follows the trace', async () => {
    if (!(await sandboxDriver())) return;
    const { projectId, componentId, status } = await verifiedThenChanged('Waived');
    const component = await ok<{
      component: { dirtyCauses: { source: string; version: number; kind: string }[] };
    }>(`query($c: ID!) { component(id: $c) { dirtyCauses { source version kind } } }`, { c: componentId });
    const [cause] = component.component.dirtyCauses;
    expect(cause.kind).toBe('CRITERION_CHANGED');
    // A cause that is not the component's is refused, naming it.
    expect(
      (await waive({ componentId, reason: 'typo', causes: [{ source: cause.source, version: 99 }] }))
        .errors?.[0],
    ).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const waived = await waive({
      componentId,
      reason: 'the length is a detail',
      causes: [{ source: cause.source, version: cause.version }],
    });
    expect(waived.data?.acceptDesignAsCurrent).toEqual({ designStatus: 'ACCEPTED', dirtyCauses: [] });
    // The green run passed for "7 characters": it does not verify "8 characters".
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 NOT_GREEN', 'AC-2 VERIFIED'], 'the waiver');
    await waitFor(async () => (await status()) === 'IN_PROGRESS', 20_000, 'the story back IN_PROGRESS');
    // The tests pass again (for the new text): AC-1 is VERIFIED, and the story COMPLETED with it.
    await run(projectId, componentId, [testFile(7), codeFile(7)]);
    await until(
      projectId,
      ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'],
      'a green run after the change',
    );
    await waitFor(async () => (await status()) === 'COMPLETED', 20_000, 'the story COMPLETED again');
    // The waiver is on the timeline with what it accepted.
    const timeline = await ok<{
      projectTimeline: { edges: { node: { type: string; data: { waivedCauses?: unknown[] } } }[] };
    }>(
      `query($p: ID!) { projectTimeline(projectId: $p, first: 50, order: NEWEST_FIRST) { edges { node { type data } } } }`,
      { p: projectId },
    );
    const entry = timeline.projectTimeline.edges.find((e) => e.node.type === 'ComponentDirtinessWaived');
    expect(entry?.node.data.waivedCauses).toEqual([
      expect.objectContaining({ source: cause.source, version: cause.version }),
    ]);
  });

  it('keeps the evidence of the criteria a waiver names: VERIFIED and COMPLETED at once', async () => {
    if (!(await sandboxDriver())) return;
    const { projectId, componentId, status } = await verifiedThenChanged('Kept');
    expect(
      (await waive({ componentId, reason: 'typo', keepEvidenceFor: ['AC-9'] })).errors?.[0],
    ).toMatchObject({
      message: expect.stringContaining('no criterion AC-9'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      (await waive({ componentId, reason: 'the test checks 8 already', keepEvidenceFor: ['AC-1'] })).errors,
    ).toBeUndefined();
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'], 'the waiver keeping AC-1');
    await waitFor(async () => (await status()) === 'COMPLETED', 20_000, 'the story COMPLETED by the waiver');
  });
});
