import type { FinishedStep } from './session-routing';
import { nextRoute } from './session-routing';
import type { StepName, StepResult } from './session.events';

const done = (
  step: StepName,
  result: StepResult,
  outcome: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED',
): FinishedStep => ({
  step,
  outcome,
  result,
});
const draft = (n = 1) =>
  done(n === 1 ? 'generate_design' : 'revise_design', { kind: 'draft', designSha256: `sha${n}` });
const invalid = done(
  'validate_design',
  {
    kind: 'validation',
    valid: false,
    errors: [{ code: 'missing-section', message: 'Execution Flow is missing', section: 'Execution Flow' }],
  },
  'FAILED',
);
const valid = done('validate_design', { kind: 'validation', valid: true, errors: [] });
const files = (step: StepName, n = 1) =>
  done(step, {
    kind: 'files',
    files: Array.from({ length: n }, (_, i) => ({ path: `f${i}.ts`, sha256: 'x' })),
    rejected: [],
    workspaceVersion: 1,
  });
const run = (accepted: boolean, fixable = true, problem: string | null = accepted ? null : 'not red') =>
  done(
    'run_tests',
    {
      kind: 'run',
      runId: 'r',
      outcome: accepted ? 'FAILED' : 'PASSED',
      tests: [],
      accepted,
      problem,
      fixable,
    },
    accepted ? 'SUCCEEDED' : 'FAILED',
  );

describe('nextRoute', () => {
  describe('DESIGN', () => {
    it('generates, validates, revises on errors, and submits when valid', () => {
      expect(nextRoute('DESIGN', [], 2)).toEqual({ kind: 'step', step: 'generate_design' });
      expect(nextRoute('DESIGN', [draft()], 2)).toEqual({ kind: 'step', step: 'validate_design' });
      expect(nextRoute('DESIGN', [draft(), invalid], 2)).toEqual({ kind: 'step', step: 'revise_design' });
      expect(nextRoute('DESIGN', [draft(), invalid, draft(2)], 2)).toEqual({
        kind: 'step',
        step: 'validate_design',
      });
      expect(nextRoute('DESIGN', [draft(), invalid, draft(2), valid], 2)).toEqual({
        kind: 'step',
        step: 'submit_design',
      });
      expect(
        nextRoute(
          'DESIGN',
          [
            draft(),
            valid,
            done('submit_design', { kind: 'submitted', designVersion: 3, valid: true, errors: [] }),
          ],
          2,
        ),
      ).toEqual({ kind: 'succeed', summary: 'design version 3 accepted' });
    });

    it('fails with the errors once the revisions are used up', () => {
      const route = nextRoute('DESIGN', [draft(), invalid, draft(2), invalid], 1);
      expect(route).toEqual({
        kind: 'fail',
        reason: 'the design is still invalid after 1 revision(s): missing-section: Execution Flow is missing',
      });
    });

    it('revises a design the architect refused on submit', () => {
      const refused = done(
        'submit_design',
        {
          kind: 'submitted',
          designVersion: 2,
          valid: false,
          errors: [{ code: 'unknown-dependency', message: 'x', section: 'Dependencies' }],
        },
        'FAILED',
      );
      expect(nextRoute('DESIGN', [draft(), valid, refused], 1)).toEqual({
        kind: 'step',
        step: 'revise_design',
      });
    });
  });

  describe('TESTS', () => {
    it('generates, runs, checks alignment and records the red evidence', () => {
      expect(nextRoute('TESTS', [], 2)).toEqual({ kind: 'step', step: 'generate_tests' });
      expect(nextRoute('TESTS', [files('generate_tests')], 2)).toEqual({ kind: 'step', step: 'run_tests' });
      expect(nextRoute('TESTS', [files('generate_tests'), run(true)], 2)).toEqual({
        kind: 'step',
        step: 'check_alignment',
      });
      const aligned = done('check_alignment', { kind: 'alignment', aligned: true, missing: [] });
      expect(nextRoute('TESTS', [files('generate_tests'), run(true), aligned], 2)).toEqual({
        kind: 'step',
        step: 'record_red',
      });
      expect(
        nextRoute(
          'TESTS',
          [
            files('generate_tests'),
            run(true),
            aligned,
            done('record_red', { kind: 'evidence', runId: 'r1' }),
          ],
          2,
        ),
      ).toEqual({
        kind: 'succeed',
        summary: 'red tests recorded (run r1)',
      });
    });

    it('sends syntax errors, passing tests and missing assertions to a bounded fix step', () => {
      const notRed = run(false, true, 'tests failed for the wrong reason (a: syntax)');
      expect(nextRoute('TESTS', [files('generate_tests'), notRed], 1)).toEqual({
        kind: 'step',
        step: 'fix_tests',
      });
      expect(nextRoute('TESTS', [files('generate_tests'), notRed, files('fix_tests'), notRed], 1)).toEqual({
        kind: 'fail',
        reason: 'tests failed for the wrong reason (a: syntax) (after 1 fix attempt(s))',
      });
      const misaligned = done(
        'check_alignment',
        { kind: 'alignment', aligned: false, missing: ['totals zero'] },
        'FAILED',
      );
      expect(nextRoute('TESTS', [files('generate_tests'), run(true), misaligned], 1)).toEqual({
        kind: 'step',
        step: 'fix_tests',
      });
      expect(nextRoute('TESTS', [files('generate_tests', 0)], 1)).toEqual({
        kind: 'step',
        step: 'fix_tests',
      });
    });

    it('ends at once when the sandbox itself failed', () => {
      expect(
        nextRoute(
          'TESTS',
          [files('generate_tests'), run(false, false, 'the sandbox could not run the tests')],
          3,
        ),
      ).toEqual({
        kind: 'fail',
        reason: 'the sandbox could not run the tests',
      });
    });
  });

  describe('CODE', () => {
    it('generates, runs, fixes failures up to the limit, and finalizes when green', () => {
      const red = run(false, true, '1 test(s) failing (FAILED)');
      const green = run(true);
      expect(nextRoute('CODE', [], 1)).toEqual({ kind: 'step', step: 'generate_code' });
      expect(nextRoute('CODE', [files('generate_code')], 1)).toEqual({ kind: 'step', step: 'run_tests' });
      expect(nextRoute('CODE', [files('generate_code'), red], 1)).toEqual({ kind: 'step', step: 'fix_code' });
      expect(nextRoute('CODE', [files('generate_code'), red, files('fix_code'), green], 1)).toEqual({
        kind: 'step',
        step: 'finalize',
      });
      expect(nextRoute('CODE', [files('generate_code'), red, files('fix_code'), red], 1)).toEqual({
        kind: 'fail',
        reason: '1 test(s) failing (FAILED) (after 1 fix attempt(s))',
      });
      expect(
        nextRoute(
          'CODE',
          [
            files('generate_code'),
            green,
            done('finalize', { kind: 'commit', commit: 'abcdef0123456789', message: '' }),
          ],
          1,
        ),
      ).toEqual({
        kind: 'succeed',
        summary: 'green; committed abcdef012345',
      });
    });
  });

  describe('COMPONENT_DESIGNS', () => {
    it('starts the children, waits, and succeeds only if every child did', () => {
      const children = done('start_children', {
        kind: 'children',
        children: [{ sessionId: 's1', componentId: 'c1', name: 'A' }],
      });
      expect(nextRoute('COMPONENT_DESIGNS', [], 1)).toEqual({ kind: 'step', step: 'start_children' });
      expect(nextRoute('COMPONENT_DESIGNS', [children], 1)).toEqual({ kind: 'step', step: 'await_children' });
      expect(
        nextRoute('COMPONENT_DESIGNS', [done('start_children', { kind: 'children', children: [] })], 1),
      ).toMatchObject({ kind: 'succeed' });
      const failed = done(
        'await_children',
        {
          kind: 'children_finished',
          results: [{ sessionId: 's1', componentId: 'c1', status: 'FAILED', reason: 'invalid' }],
        },
        'FAILED',
      );
      expect(nextRoute('COMPONENT_DESIGNS', [children, failed], 1)).toEqual({
        kind: 'fail',
        reason: '1 of 1 component design(s) failed: c1 FAILED (invalid)',
      });
    });
  });
});
