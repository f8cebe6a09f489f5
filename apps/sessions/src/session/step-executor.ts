import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { ArchitectClient } from '../clients/architect-client';
import type { CallerContext } from '../clients/subgraph-client';
import type { FailureInput } from '../context/context-assembly';
import { componentFiles } from '../context/file-layout';
import { SandboxRunRecorder } from '../sandbox-runs/sandbox-run-recorder';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config.token';
import { sha256Of } from '../workspace/blob-store';
import { GitRepositories } from '../workspace/git-repository';
import { WorkspaceService } from '../workspace/workspace.service';
import { LlmLedger } from './llm-ledger';
import { redVerdict } from './red-check';
import { parseDesignReply, parseFileBlocks } from './reply-parsing';
import { isTestPath, runFailures, SessionInputs } from './session-inputs';
import { lastFinished, lastResult, mergedFiles, sessionRunIds } from './session-files';
import type { FileRef, SessionStatus, StepCompleted, StepResult, TestSummary } from './session.events';
import type { SessionState, StepRecord } from './session.state';
import { checkAlignment, testNamesIn } from './test-alignment';

export interface StepOutcome {
  readonly state: SessionState;
  readonly outcome: StepCompleted['data']['outcome'];
  readonly detail: string;
  readonly result: StepResult;
}

/** The step cannot finish yet (children still running); the driver lets go and comes back. */
export const WAIT = Symbol('wait');

/** Starts child sessions (COMPONENT_DESIGNS); implemented by the session service. */
export interface ChildStarter {
  startChild(
    parent: SessionState,
    child: { sessionId: string; componentId: string; name: string },
  ): Promise<void>;
  childResults(
    parentId: string,
  ): Promise<{ sessionId: string; componentId: string; status: SessionStatus; reason: string | null }[]>;
}
export const CHILD_STARTER = Symbol('CHILD_STARTER');

/** A child session's id follows from its parent and component, so a resumed parent starts no duplicate. */
export function childSessionId(parentId: string, componentId: string): string {
  const hex = createHash('sha256').update(`${parentId}:${componentId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function callerOf(state: SessionState): CallerContext {
  return { identity: state.startedBy, correlationId: state.correlationId };
}

function testSummaries(
  tests: readonly { name: string; status: string; failureKind: string | null; message: string | null }[],
): TestSummary[] {
  return tests.map((t) => ({
    name: t.name,
    status: t.status,
    failureKind: t.failureKind,
    message: t.message,
  }));
}

/**
 * What each step does. Steps read what earlier steps produced from the session's state, call the
 * LLM only through the ledger, and write files only into the project workspace.
 */
@Injectable()
export class StepExecutor {
  constructor(
    private readonly inputs: SessionInputs,
    private readonly ledger: LlmLedger,
    private readonly architect: ArchitectClient,
    private readonly recorder: SandboxRunRecorder,
    private readonly workspaces: WorkspaceService,
    @Inject(CHILD_STARTER) private readonly children: ChildStarter,
    @Inject(SESSIONS_CONFIG) config: SessionsConfig,
  ) {
    this.repos = new GitRepositories(`${config.dataDir}/repos`);
  }

  private readonly repos: GitRepositories;

  async execute(
    state: SessionState,
    step: StepRecord,
    signal: AbortSignal,
  ): Promise<StepOutcome | typeof WAIT> {
    const caller = callerOf(state);
    switch (step.step) {
      case 'generate_design':
      case 'revise_design':
        return this.draftDesign(state, step, caller, signal);
      case 'validate_design': {
        const markdown = await this.currentDraft(state);
        const check = await this.architect.validate(caller, state.componentId, markdown);
        return {
          state,
          outcome: check.valid ? 'SUCCEEDED' : 'FAILED',
          detail: check.valid
            ? 'the draft passes the architect’s rules'
            : `${check.errors.length} validation error(s)`,
          result: { kind: 'validation', valid: check.valid, errors: check.errors },
        };
      }
      case 'submit_design': {
        const markdown = await this.currentDraft(state);
        const design = await this.architect.submit(caller, state.componentId, markdown);
        return {
          state,
          outcome: design.valid ? 'SUCCEEDED' : 'FAILED',
          detail: `submitted as design version ${design.version}${design.valid ? '' : ' (refused)'}`,
          result: {
            kind: 'submitted',
            designVersion: design.version,
            valid: design.valid,
            errors: design.errors,
          },
        };
      }
      case 'start_children': {
        const children = await this.inputs.children(caller, state.projectId, state.componentId);
        const started = children.map((c) => ({
          sessionId: childSessionId(state.sessionId, c.id),
          componentId: c.id,
          name: c.name,
        }));
        for (const child of started) await this.children.startChild(state, child);
        return {
          state,
          outcome: 'SUCCEEDED',
          detail: `${started.length} DESIGN session(s) started`,
          result: { kind: 'children', children: started },
        };
      }
      case 'await_children': {
        const results = await this.children.childResults(state.sessionId);
        if (results.some((r) => r.status === 'RUNNING')) return WAIT;
        const failed = results.filter((r) => r.status !== 'SUCCEEDED').length;
        return {
          state,
          outcome: failed === 0 ? 'SUCCEEDED' : 'FAILED',
          detail: `${results.length - failed} of ${results.length} child session(s) succeeded`,
          result: {
            kind: 'children_finished',
            results,
          },
        };
      }
      case 'generate_tests':
      case 'fix_tests':
        return this.writeTests(state, step, caller, signal);
      case 'check_alignment': {
        const design = await this.inputs.acceptedDesign(caller, state.componentId);
        const tests = mergedFiles(state, ['generate_tests', 'fix_tests']);
        const files = await this.inputs.files(state.projectId, tests.files, tests.version);
        const names = files.flatMap((f) => testNamesIn(f.content));
        const alignment = checkAlignment(design.testAssertions, names);
        return {
          state,
          outcome: alignment.aligned ? 'SUCCEEDED' : 'FAILED',
          detail: alignment.aligned
            ? `every one of the ${design.testAssertions.length} test assertion(s) has a test`
            : `${alignment.missing.length} test assertion(s) without a test`,
          result: { kind: 'alignment', aligned: alignment.aligned, missing: alignment.missing },
        };
      }
      case 'record_red': {
        const run = lastResult(state, ['run_tests'], 'run');
        if (!run) throw new Error('no red run to record');
        return {
          state,
          outcome: 'SUCCEEDED',
          detail: `run ${run.runId} is the red evidence`,
          result: { kind: 'evidence', runId: run.runId },
        };
      }
      case 'generate_code':
      case 'fix_code':
        return this.writeCode(state, step, caller, signal);
      case 'run_tests':
        return this.runTests(state, step, caller);
      case 'finalize':
        return this.finalize(state);
      default: {
        const unknown: never = step.step;
        throw new Error(`no executor for step ${String(unknown)}`);
      }
    }
  }

  private async currentDraft(state: SessionState): Promise<string> {
    const draft = lastResult(state, ['generate_design', 'revise_design'], 'draft');
    if (!draft) throw new Error('there is no draft design yet');
    const content = await this.workspaces.getBlob(draft.designSha256);
    if (content === null) throw new Error(`draft blob ${draft.designSha256} is missing`);
    return content.toString('utf8');
  }

  private async draftDesign(
    state: SessionState,
    step: StepRecord,
    caller: CallerContext,
    signal: AbortSignal,
  ): Promise<StepOutcome> {
    const { facts, input } = await this.inputs.component(caller, state.componentId);
    const stories = await this.inputs.stories(caller, facts);
    let request;
    if (step.step === 'generate_design') {
      request = { purpose: 'DESIGN' as const, component: input, stories, template: facts.designTemplate };
    } else {
      const refusal = lastFinished(state, ['validate_design', 'submit_design'])?.result;
      const refused = refusal?.kind === 'validation' || refusal?.kind === 'submitted' ? refusal.errors : [];
      const drafts = state.steps.filter(
        (s) => (s.step === 'generate_design' || s.step === 'revise_design') && s.finishedAt !== null,
      ).length;
      request = {
        purpose: 'DESIGN_REVISION' as const,
        component: input,
        stories,
        template: facts.designTemplate,
        draft: {
          path: 'design.md',
          content: await this.currentDraft(state),
          source: `session-${state.sessionId}`,
          version: drafts,
        },
        errors: {
          source: 'design-validation',
          version: drafts,
          summary: 'The architect refused the previous draft:',
          failures: refused.map((e) => ({ name: e.section ?? e.code, message: `${e.code}: ${e.message}` })),
        },
      };
    }
    const { reply, state: next } = await this.ledger.call(state, step, request, signal);
    const markdown = parseDesignReply(reply);
    const designSha256 = await this.workspaces.putBlob(markdown);
    return {
      state: next,
      outcome: 'SUCCEEDED',
      detail: `draft of ${Buffer.byteLength(markdown)} bytes`,
      result: { kind: 'draft', designSha256 },
    };
  }

  private async writeTests(
    state: SessionState,
    step: StepRecord,
    caller: CallerContext,
    signal: AbortSignal,
  ): Promise<StepOutcome> {
    const { input } = await this.inputs.component(caller, state.componentId);
    const design = await this.inputs.acceptedDesign(caller, state.componentId);
    let request;
    if (step.step === 'generate_tests') {
      request = { purpose: 'TESTS' as const, component: input, design };
    } else {
      const current = mergedFiles(state, ['generate_tests', 'fix_tests']);
      request = {
        purpose: 'TESTS_FIX' as const,
        component: input,
        design,
        tests: await this.inputs.files(state.projectId, current.files, current.version),
        errors: this.testProblems(state),
      };
    }
    const { reply, state: next } = await this.ledger.call(state, step, request, signal);
    const parsed = parseFileBlocks(reply);
    const rejected = [...parsed.rejected];
    const files = parsed.files.filter((f) => {
      if (isTestPath(f.path)) return true;
      rejected.push({ path: f.path, reason: 'a TESTS session writes test files only' });
      return false;
    });
    return this.writeFiles(next, step, files, rejected);
  }

  /** Why the last tests were not good enough: the run's verdict or the missing assertions. */
  private testProblems(state: SessionState): FailureInput {
    const last = state.steps.filter((s) => s.finishedAt !== null).at(-1);
    if (last?.result?.kind === 'alignment') {
      return {
        source: `session-${state.sessionId}`,
        version: state.version,
        summary: 'These Test Assertions of the design have no test named after them:',
        failures: last.result.missing.map((m) => ({ name: m, message: 'no test has this name' })),
      };
    }
    if (last?.result?.kind === 'run') {
      return {
        source: `sandbox-run-${last.result.runId}`,
        version: 1,
        summary: last.result.problem ?? `the run ended ${last.result.outcome}`,
        failures: last.result.tests
          .filter((t) => t.status !== 'SKIPPED')
          .map((t) => ({
            name: t.name,
            message: `${t.status}${t.failureKind ? ` (${t.failureKind})` : ''}: ${t.message ?? ''}`,
          })),
      };
    }
    return {
      source: `session-${state.sessionId}`,
      version: state.version,
      summary:
        'The previous reply held no test file with a usable path (```typescript path=test/<name>.test.ts).',
      failures: [],
    };
  }

  private async writeCode(
    state: SessionState,
    step: StepRecord,
    caller: CallerContext,
    signal: AbortSignal,
  ): Promise<StepOutcome> {
    const { input } = await this.inputs.component(caller, state.componentId);
    const design = await this.inputs.acceptedDesign(caller, state.componentId);
    // The red run is chosen once, by generate_code; every fix is written against the same tests.
    const recorded = lastResult(state, ['generate_code', 'fix_code'], 'files')?.basis;
    const basis = recorded
      ? await this.inputs.redBasisOf(recorded.redRunId)
      : await this.inputs.redBasis(state.componentId);
    if (!basis)
      throw new DomainError('BAD_USER_INPUT', 'the component has no red test run: run a TESTS session first');
    const tests = await this.inputs.files(state.projectId, basis.tests, basis.workspaceVersion);
    let request;
    if (step.step === 'generate_code') {
      request = { purpose: 'CODE' as const, component: input, design, tests, failures: basis.failures };
    } else {
      const current = mergedFiles(state, ['generate_code', 'fix_code']);
      const run = lastResult(state, ['run_tests'], 'run');
      const runData = run ? await this.inputs.run(run.runId) : null;
      request = {
        purpose: 'CODE_FIX' as const,
        component: input,
        design,
        tests,
        code: await this.inputs.files(state.projectId, current.files, current.version),
        failures: runData ? runFailures(runData) : basis.failures,
      };
    }
    const { reply, state: next } = await this.ledger.call(state, step, request, signal);
    const parsed = parseFileBlocks(reply);
    const testPaths = new Set(basis.tests.map((t) => t.path));
    const rejected = [...parsed.rejected];
    const files = parsed.files.filter((f) => {
      if (!testPaths.has(f.path) && !isTestPath(f.path)) return true;
      rejected.push({ path: f.path, reason: 'the tests may not be changed by a CODE session' });
      return false;
    });
    return this.writeFiles(next, step, files, rejected, {
      redRunId: basis.runId,
      tests: basis.tests,
      designVersion: design.version,
    });
  }

  private async writeFiles(
    state: SessionState,
    step: StepRecord,
    files: { path: string; content: string }[],
    rejected: { path: string; reason: string }[],
    basis?: Extract<StepResult, { kind: 'files' }>['basis'],
  ): Promise<StepOutcome> {
    const written = files.length
      ? await this.workspaces.write(
          state.projectId,
          files,
          { kind: 'session', sessionId: state.sessionId, step: `${step.step}#${step.attempt}` },
          { projectId: state.projectId, actor: state.startedBy.actor, correlationId: state.correlationId },
        )
      : { version: 0, changed: [] };
    const refs: FileRef[] = files.map((f) => ({ path: f.path, sha256: sha256Of(f.content) }));
    return {
      state,
      outcome: files.length > 0 ? 'SUCCEEDED' : 'FAILED',
      detail: files.length
        ? `wrote ${files.map((f) => f.path).join(', ')} (workspace version ${written.version})${rejected.length ? `; rejected ${rejected.map((r) => r.path).join(', ')}` : ''}`
        : `no usable file in the reply${rejected.length ? ` (rejected ${rejected.map((r) => `${r.path}: ${r.reason}`).join('; ')})` : ''}`,
      result: {
        kind: 'files',
        files: refs,
        rejected,
        workspaceVersion: written.version,
        ...(basis ? { basis } : {}),
      },
    };
  }

  private async runTests(state: SessionState, step: StepRecord, caller: CallerContext): Promise<StepOutcome> {
    if (!step.runId) throw new Error('run_tests started without a run id');
    const purpose = state.type === 'TESTS' ? 'TESTS' : 'CODE';
    let files: FileRef[];
    let version: number;
    if (purpose === 'TESTS') {
      ({ files, version } = mergedFiles(state, ['generate_tests', 'fix_tests']));
    } else {
      const code = mergedFiles(state, ['generate_code', 'fix_code']);
      const basis = lastResult(state, ['generate_code', 'fix_code'], 'files')?.basis;
      if (!basis) throw new Error('no test basis recorded for the code');
      files = [...basis.tests, ...code.files]; // code steps never write a test path
      version = code.version;
    }
    // A resumed step finds the run it already made under the same id.
    const existing = await this.inputs.run(step.runId);
    const run =
      existing ??
      (
        await this.recorder.run({
          caller,
          projectId: state.projectId,
          componentId: state.componentId,
          files: await this.inputs.files(state.projectId, files, version),
          purpose,
          sessionId: state.sessionId,
          writer: { kind: 'session', sessionId: state.sessionId, step: `run_tests#${step.attempt}` },
          runId: step.runId,
        })
      ).event.data;
    const tests = testSummaries(run.tests ?? []);
    if (purpose === 'TESTS') {
      const verdict = redVerdict({ outcome: run.outcome, tests });
      return {
        state,
        outcome: verdict.red ? 'SUCCEEDED' : 'FAILED',
        detail: verdict.red ? `red: ${run.testsFailed} failing test(s), none passing` : verdict.reason,
        result: {
          kind: 'run',
          runId: run.runId,
          outcome: run.outcome,
          tests,
          accepted: verdict.red,
          problem: verdict.red ? null : verdict.reason,
          fixable: verdict.red ? false : verdict.fixable,
        },
      };
    }
    const green = run.outcome === 'PASSED';
    const problem = green
      ? null
      : run.outcome === 'ERROR'
        ? `the sandbox could not run the tests: ${run.error ?? 'unknown error'}`
        : `${run.testsFailed} test(s) failing (${run.outcome})`;
    return {
      state,
      outcome: green ? 'SUCCEEDED' : 'FAILED',
      detail: green ? `green: all ${run.testsPassed} test(s) pass` : problem!,
      result: {
        kind: 'run',
        runId: run.runId,
        outcome: run.outcome,
        tests,
        accepted: green,
        problem,
        fixable: run.outcome !== 'ERROR',
      },
    };
  }

  private async finalize(state: SessionState): Promise<StepOutcome> {
    const code = mergedFiles(state, ['generate_code', 'fix_code']);
    const basis = lastResult(state, ['generate_code', 'fix_code'], 'files')?.basis;
    if (!basis) throw new Error('no test basis recorded for the code');
    const green = lastResult(state, ['run_tests'], 'run');
    const files = await this.inputs.files(state.projectId, [...basis.tests, ...code.files], code.version);
    const paths = componentFiles(state.componentName);
    const message = [
      `${state.componentName}: green (${paths.implementation})`,
      '',
      `Design: ${state.componentId} version ${basis.designVersion}`,
      `Red run: ${basis.redRunId}`,
      `Green run: ${green?.runId ?? '?'}`,
      `Test runs: ${sessionRunIds(state).join(', ')}`,
    ].join('\n');
    const commit = await this.repos.commit(state.projectId, state.sessionId, files, message);
    return {
      state,
      outcome: 'SUCCEEDED',
      detail: `committed ${commit.slice(0, 12)}`,
      result: { kind: 'commit', commit, message },
    };
  }
}
