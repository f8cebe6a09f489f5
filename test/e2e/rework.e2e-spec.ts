import { waitFor } from '@app/testing/wait-for';
import { component, shortenerKit } from './shortener-kit';
import type { RunningSystem } from './system';
import { sandboxDriver, startSystem } from './system';

/**
 * The change loop as a user plays it, manual mode: red → green → VERIFIED; a criterion changes;
 * the design is revised (the assertion renamed, the other kept); a run where only the renamed test
 * fails against the old code is red for it while the unchanged test keeps its evidence; the next
 * run is green; the trace is complete and the story COMPLETED again. The code is never removed.
 */
describe('rework re-verifies only what changed', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  }, 120_000);
  afterAll(() => system?.stop());

  const { ok, testFile, codeFile, until, shortenerProject } = shortenerKit(() => system);

  const runTests = async (
    projectId: string,
    componentId: string,
    files: { path: string; content: string }[],
  ) =>
    (
      await ok<{
        runTests: { evidence: string; evidenceReason: string; tests: { name: string; evidence: string }[] };
      }>(
        `mutation($i: RunTestsInput!) { runTests(input: $i) { evidence evidenceReason tests { name evidence } } }`,
        { i: { projectId, componentId, files } },
      )
    ).runTests;

  const trace = async (projectId: string) =>
    (
      await ok<{
        traceability: {
          complete: boolean;
          criteria: {
            criterion: { ref: string };
            component: { designVersion: number | null } | null;
            tests: { name: string; carriedOverFrom: number | null }[];
          }[];
        };
      }>(
        `query($p: ID!) { traceability(projectId: $p) { complete criteria { criterion { ref }
          component { designVersion } tests { name carriedOverFrom } } } }`,
        { p: projectId },
      )
    ).traceability;

  it('goes from a changed criterion back to VERIFIED with one red and one green run, the code kept', async () => {
    if (!(await sandboxDriver())) return;
    const projectId = (
      await ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Rework", description: "" }) { id } }`,
      )
    ).createProject.id;
    const { shorten, componentId } = await shortenerProject(projectId);
    const submit = async (assertions: string[]) =>
      ok(`mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`, {
        i: { componentId, markdown: component(assertions) },
      });
    const storyStatus = async () =>
      (
        await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
          s: shorten.id,
        })
      ).story.status;

    await submit(['codes have 7 characters [AC-1]', 'a URL keeps its code [AC-2]']);
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 UNTESTED', 'AC-2 UNTESTED'], 'the first design');
    expect((await runTests(projectId, componentId, [testFile(7)])).evidence).toBe('RED');
    expect((await runTests(projectId, componentId, [testFile(7), codeFile(7)])).evidence).toBe('GREEN');
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'], 'the first green');
    await waitFor(async () => (await storyStatus()) === 'COMPLETED', 20_000, 'the story COMPLETED');

    // The requirement changes: AC-1 asks for 8 characters.
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

    // The design is revised: AC-1's assertion renamed, AC-2's unchanged keeps its evidence.
    await submit(['codes have 8 characters [AC-1]', 'a URL keeps its code [AC-2]']);
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 UNTESTED', 'AC-2 VERIFIED'], 'the revised design');
    const revised = await trace(projectId);
    const ac = (ref: string) => revised.criteria.find((c) => c.criterion.ref === ref)!;
    expect(ac('AC-1').component?.designVersion).toBe(2);
    expect(ac('AC-1').tests).toEqual([{ name: 'codes have 8 characters', carriedOverFrom: null }]);
    expect(ac('AC-2').tests).toEqual([{ name: 'a URL keeps its code', carriedOverFrom: 1 }]);

    // The honest red: the new test against the old code; the unchanged test passes beside it.
    const red = await runTests(projectId, componentId, [testFile(8), codeFile(7)]);
    expect(red.evidence).toBe('RED');
    expect(red.tests).toEqual([
      { name: 'codes have 8 characters', evidence: 'RED' },
      { name: 'a URL keeps its code', evidence: 'GREEN' },
    ]);
    await until(
      projectId,
      ['AC-3 UNLINKED', 'AC-1 NOT_GREEN', 'AC-2 VERIFIED'],
      'the red of the renamed test',
    );

    // The code changes; green; the trace is complete and the story COMPLETED again.
    expect((await runTests(projectId, componentId, [testFile(8), codeFile(8)])).evidence).toBe('GREEN');
    await until(projectId, ['AC-3 UNLINKED', 'AC-1 VERIFIED', 'AC-2 VERIFIED'], 'green after the change');
    await waitFor(async () => (await storyStatus()) === 'COMPLETED', 20_000, 'the story COMPLETED again');
  });
});
