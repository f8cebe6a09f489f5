import type { PublicDesignSubmitted, SandboxRunRecorded } from '@app/domain';
import type { ContractHandlers } from '@app/platform';
import { writeEntity } from '@app/platform';
import { citedRefs, designCommit, designPath, runCommit } from './record-commits';
import { RecordComponent } from './record-component.entity';
import type { RecordWriter } from './record-writer';
import { actorOf } from './record-writer';

/** Accepted designs → `docs/design/…`; red evidence → the run's tests; green evidence → all its files. */
export function artifactRecordHandlers(
  writer: RecordWriter,
): ContractHandlers<PublicDesignSubmitted | SandboxRunRecorded> {
  return {
    DesignSubmitted: async (event, { sql, manager }) => {
      const design = event.data;
      const projectId = event.metadata.projectId;
      if (!design.valid || !projectId || !(await writer.follows(manager, projectId))) return;
      const name = design.componentName ?? design.componentId;
      const row: RecordComponent = {
        componentId: design.componentId,
        projectId,
        name,
        designVersion: design.version,
        refs: citedRefs(design.testAssertions),
      };
      await writeEntity(manager, RecordComponent, row, 'update');
      await writer.commit(event, sql, projectId, designCommit(design, name, actorOf(event)), [
        { path: designPath(name, design.contextName), content: design.markdown },
      ]);
    },
    SandboxRunRecorded: async (event, { sql, manager }) => {
      const run = event.data;
      if (!(await writer.follows(manager, run.projectId))) return;
      const component = await manager.findOneBy(RecordComponent, { componentId: run.componentId });
      const artifact = runCommit(
        run,
        {
          name: component?.name ?? run.componentId,
          designVersion: component?.designVersion ?? null,
          refs: component?.refs ?? [],
        },
        actorOf(event),
      );
      if (!artifact) return;
      const wanted = (run.files ?? []).filter((f) => artifact.paths.includes(f.path));
      const files = await writer.blobContents(manager, wanted);
      // Every piece of evidence gets its commit, even for files committed before (a session's
      // finalize names the commit of its green run).
      if (files) await writer.commit(event, sql, run.projectId, artifact, files, { allowEmpty: true });
    },
  };
}
