import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { canRead, NotFoundError } from '@app/domain';
import { dataSourceExecutor } from '@app/platform';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { visibleComponent } from '../../component-locations/project-access';
import { CopyLookups } from '../../story-copies/copy-lookups';
import { ArchitectureWriter } from '../architecture-writer';

/** Links a story to a component (`replace`: away from the component it is on). */
@Injectable()
export class MapStoryToComponentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ArchitectureWriter,
    private readonly copies: CopyLookups,
  ) {}

  async link(
    context: RequestContext,
    storyId: string,
    componentId: string,
    replace = false,
  ): Promise<ArchitectureState> {
    const sql = dataSourceExecutor(this.dataSource);
    const component = await visibleComponent(sql, context.identity, componentId, 'write');
    const story = await this.copies.story(storyId);
    // A story the caller cannot see is reported exactly as an unknown one.
    if (!story || !canRead(context.identity, story.projectId)) throw new NotFoundError('story', storyId);
    return this.writer.run(context, component.projectId, {
      type: 'MapStoryToComponent',
      storyId,
      storyProjectId: story.projectId,
      storyTitle: story.title,
      componentId,
      replace,
    });
  }
}
