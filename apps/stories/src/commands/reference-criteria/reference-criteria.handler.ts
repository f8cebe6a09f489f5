import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { allocateCriterionRefs } from '../../persistence/criterion-ref-allocator';
import { findStoryRecord, storiesWithUnreferencedCriteria } from '../../persistence/story.records';
import { StoryWriter } from '../story-writer';

/**
 * Gives each criterion of the project that has no reference (recorded before references existed)
 * the next free one, story by story in the order they were created, one transaction each (a story
 * changed meanwhile is read again). Run again, it finds none.
 */
@Injectable()
export class ReferenceCriteriaHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: StoryWriter,
  ) {}

  /** How many criteria got a reference. */
  async referenceCriteria(context: RequestContext, projectId: string): Promise<number> {
    await this.writer.assertWritable(context, projectId);
    let given = 0;
    for (const storyId of await storiesWithUnreferencedCriteria(this.dataSource.manager, projectId)) {
      given += await this.writer.transaction(async (sql) => {
        const row = await findStoryRecord(sql.manager, storyId);
        const missing = (row?.acceptanceCriteria ?? []).filter((c) => !c.ref).map((c) => c.id);
        if (!row || row.deleted || missing.length === 0) return 0;
        const refs = await allocateCriterionRefs(
          sql.manager,
          projectId,
          missing.map(() => undefined),
        );
        await this.writer.apply(
          sql,
          context,
          {
            type: 'ReferenceCriteria',
            storyId,
            refs: missing.map((criterionId, i) => ({ criterionId, ref: refs[i] })),
          },
          projectId,
          row.version,
        );
        return missing.length;
      }, true);
    }
    return given;
  }
}
