import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { isUuid } from '@app/domain';
import { dataSourceExecutor } from '@app/platform';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { visibleComponent } from '../../component-locations/project-access';
import { StoryCopy } from '../../story-copies/story-copy.entity';
import { ArchitectureWriter } from '../architecture-writer';

/** Unlinks a story from a component; the event keeps the story's title while it is known. */
@Injectable()
export class UnmapStoryFromComponentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ArchitectureWriter,
  ) {}

  async unlink(context: RequestContext, storyId: string, componentId: string): Promise<ArchitectureState> {
    const sql = dataSourceExecutor(this.dataSource);
    const component = await visibleComponent(sql, context.identity, componentId, 'write');
    const story = isUuid(storyId) ? await sql.manager.findOneBy(StoryCopy, { storyId }) : null;
    return this.writer.run(context, component.projectId, {
      type: 'UnmapStoryFromComponent',
      storyId,
      componentId,
      ...(story ? { storyTitle: story.title } : {}),
    });
  }
}
