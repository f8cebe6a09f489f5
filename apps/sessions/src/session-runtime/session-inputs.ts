import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxRunRecorded } from '@app/domain';
import { DomainError } from '@app/domain';
import { PostgresEventStore } from '@app/platform';
import { ArchitectClient } from '../clients/architect-client';
import type { ComponentFacts } from '../clients/architect-client';
import { criterionLine, StoriesClient } from '../clients/stories-client';
import type { CallerContext } from '../clients/subgraph-client';
import type {
  ComponentInput,
  DesignInput,
  FailureInput,
  FileInput,
  StoryInput,
} from '../context/context-assembly';
import { sandboxRunStreamId } from '../sandbox-runs/sandbox-run.stream';
import { WorkspaceService } from '../workspace/workspace.service';
import type { FileRef } from '../session/session.events';
import { SandboxRunListing } from '../sandbox-runs/sandbox-run-listing.entity';
import { Not } from 'typeorm';
import { isTestPath } from '../session/test-paths';

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export interface RedBasis {
  readonly runId: string;
  /** The workspace version the run's files were recorded as. */
  readonly workspaceVersion: number;
  readonly tests: FileRef[];
  /** The implementation files the run had (reworking existing code); empty for tests run alone. */
  readonly code: FileRef[];
  readonly failures: FailureInput;
}

/**
 * What the process puts into a context, fetched from the services that own it: the component and
 * its neighbourhood (architect), its stories (stories), its accepted design (architect), files and
 * runs (this service). Lists are sorted, so the same facts always assemble the same way.
 */
@Injectable()
export class SessionInputs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly architect: ArchitectClient,
    private readonly storiesClient: StoriesClient,
    private readonly workspaces: WorkspaceService,
  ) {}

  async component(
    caller: CallerContext,
    componentId: string,
  ): Promise<{ facts: ComponentFacts; input: ComponentInput }> {
    const facts = await this.architect.component(caller, componentId);
    const parent = facts.parentId ? await this.architect.component(caller, facts.parentId) : null;
    const architecture = await this.architect.architecture(caller, facts.projectId);
    const children = architecture.components.filter((c) => c.parentId === componentId).sort(byName);
    return {
      facts,
      input: {
        id: facts.id,
        projectId: facts.projectId,
        name: facts.name,
        type: facts.type,
        description: facts.description,
        moduleName: facts.moduleName,
        parent: parent
          ? { id: parent.id, name: parent.name, type: parent.type, description: parent.description }
          : null,
        dependencies: [...facts.dependencies]
          .sort(byName)
          .map((d) => ({ name: d.name, type: d.type, description: d.description })),
        children: children.map((c) => ({ name: c.name, type: c.type, description: c.description })),
      },
    };
  }

  async children(caller: CallerContext, projectId: string, componentId: string) {
    const architecture = await this.architect.architecture(caller, projectId);
    return architecture.components.filter((c) => c.parentId === componentId).sort(byName);
  }

  async stories(caller: CallerContext, facts: ComponentFacts): Promise<StoryInput[]> {
    const stories = await this.storiesClient.stories(
      caller,
      facts.stories.map((s) => s.id),
    );
    return stories
      .map((s) => ({
        id: s.id,
        version: s.version,
        title: s.title,
        description: s.description,
        criteria: s.acceptanceCriteria.map(criterionLine),
      }))
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  }

  async acceptedDesign(
    caller: CallerContext,
    componentId: string,
  ): Promise<DesignInput & { testAssertions: readonly string[] }> {
    const design = await this.architect.acceptedDesign(caller, componentId);
    if (!design)
      throw new DomainError(
        'BAD_USER_INPUT',
        'the component has no accepted design yet: run a DESIGN session or submit a valid design first',
      );
    return {
      componentId,
      version: design.version,
      markdown: design.markdown,
      testAssertions: design.testAssertions,
    };
  }

  /**
   * The newest red run of the component written before its code (a manual run or a TESTS
   * session's): its test files and failures are what CODE is written against.
   */
  async redBasis(componentId: string): Promise<RedBasis | null> {
    const newest = await this.dataSource.manager.findOne(SandboxRunListing, {
      select: { runId: true },
      where: { componentId, red: true, purpose: Not('CODE') },
      order: { recordedAt: 'DESC' },
    });
    return newest ? this.redBasisOf(newest.runId) : null;
  }

  /** The test files and failures of one recorded run. */
  async redBasisOf(runId: string): Promise<RedBasis | null> {
    const run = await this.run(runId);
    if (!run) return null;
    const files = (run.files ?? []).map((f) => ({ path: f.path, sha256: f.sha256 }));
    return {
      runId: run.runId,
      workspaceVersion: run.workspaceVersion ?? 0,
      tests: files.filter((f) => isTestPath(f.path)),
      code: files.filter((f) => !isTestPath(f.path)),
      failures: runFailures(run),
    };
  }

  /** File contents for refs; each is attributed to the workspace version that holds it. */
  async files(projectId: string, refs: readonly FileRef[], version: number): Promise<FileInput[]> {
    const sorted = [...refs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const out: FileInput[] = [];
    for (const ref of sorted) {
      const content = await this.workspaces.getBlob(ref.sha256);
      if (content === null) throw new Error(`blob ${ref.sha256} of ${ref.path} is missing`);
      out.push({
        path: ref.path,
        content: content.toString('utf8'),
        source: `workspace-${projectId}`,
        version,
      });
    }
    return out;
  }

  async run(runId: string): Promise<SandboxRunRecorded['data'] | null> {
    const [event] = await this.store.readStream<SandboxRunRecorded>(sandboxRunStreamId(runId));
    return event ? event.data : null;
  }
}

/** The failing tests of a run, as a context piece's input. */
export function runFailures(run: SandboxRunRecorded['data']): FailureInput {
  const failed = (run.tests ?? []).filter((t) => t.status === 'FAILED' || t.status === 'CANCELLED');
  return {
    source: sandboxRunStreamId(run.runId),
    version: 1,
    summary: `Run outcome ${run.outcome}: ${run.testsPassed} passed, ${run.testsFailed} failed.`,
    failures: failed.map((t) => ({ name: t.name, message: t.message ?? t.failureKind ?? 'failed' })),
  };
}
