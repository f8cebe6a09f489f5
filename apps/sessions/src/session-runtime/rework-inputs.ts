import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isGreenRun, normalizeTestName } from '@app/domain';
import { ArchitectClient } from '../clients/architect-client';
import type { CallerContext } from '../clients/subgraph-client';
import type { ReworkInput } from '../context/context-inputs';
import { SandboxRunListing } from '../sandbox-runs/sandbox-run-listing.entity';
import type { ReworkBasis } from '../session/session.events';
import { isTestPath } from '../session/test-paths';
import { SessionInputs } from './session-inputs';

/**
 * What a TESTS session needs to rework a component after a redesign instead of starting over: its
 * newest green run (the tests and the code that passed), the design version that run was green
 * for, the diff from that version to the accepted one, and the assertions that are new or changed.
 */
@Injectable()
export class ReworkInputs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inputs: SessionInputs,
    private readonly architect: ArchitectClient,
  ) {}

  /**
   * The basis when the component's newest green run was green for an earlier design version than
   * `design`; null when there is none (tests are written from scratch) or it is green for this one.
   */
  async basis(
    caller: CallerContext,
    componentId: string,
    design: { readonly version: number; readonly testAssertions: readonly string[] },
  ): Promise<ReworkBasis | null> {
    const newest = await this.dataSource.manager.findOne(SandboxRunListing, {
      select: { runId: true },
      where: { componentId, outcome: 'PASSED' },
      order: { recordedAt: 'DESC' },
    });
    const run = newest ? await this.inputs.run(newest.runId) : null;
    if (!run || !isGreenRun(run)) return null;
    const greenAt = Date.parse(run.recordedAt);
    // The version in force when the run went green: the newest valid one submitted before it.
    const acceptedBefore = (await this.architect.designHistory(caller, componentId))
      .filter((d) => d.valid && Date.parse(d.submittedAt) <= greenAt)
      .map((d) => d.version);
    if (acceptedBefore.length === 0) return null;
    const greenFor = Math.max(...acceptedBefore);
    if (greenFor >= design.version) return null;
    const before = await this.architect.designVersion(caller, componentId, greenFor);
    const known = new Set((before?.testAssertions ?? []).map(normalizeTestName));
    const files = (run.files ?? []).map(({ path, sha256 }) => ({ path, sha256 }));
    return {
      greenRunId: run.runId,
      workspaceVersion: run.workspaceVersion ?? 0,
      fromVersion: greenFor,
      tests: files.filter((f) => isTestPath(f.path)),
      code: files.filter((f) => !isTestPath(f.path)),
      changedAssertions: design.testAssertions.filter((a) => !known.has(normalizeTestName(a))),
    };
  }

  /** The context of a rework: the design diff, the changed assertions and the old tests' text. */
  async context(
    caller: CallerContext,
    projectId: string,
    componentId: string,
    basis: ReworkBasis,
    toVersion: number,
  ): Promise<ReworkInput> {
    return {
      componentId,
      fromVersion: basis.fromVersion,
      toVersion,
      diff: await this.architect.designDiff(caller, componentId, basis.fromVersion, toVersion),
      changedAssertions: basis.changedAssertions,
      tests: await this.inputs.files(projectId, basis.tests, basis.workspaceVersion),
    };
  }
}
