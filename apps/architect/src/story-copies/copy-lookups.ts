import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '@app/domain';
import { EventBusLifecycle } from '@app/platform';
import { awaitCopy } from './await-copy';
import { ProjectCopy } from './project-copy.entity';
import { StoryCopy } from './story-copy.entity';

/**
 * The copies a command names, waited for when they have not arrived yet (see `awaitCopy`): a
 * story created a moment ago can be linked at once.
 */
@Injectable()
export class CopyLookups {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBusLifecycle,
  ) {}

  /** The story (not deleted), or undefined once it has surely not been created. */
  story(storyId: string): Promise<StoryCopy | undefined> {
    return awaitCopy(async () => {
      if (!isUuid(storyId)) return undefined;
      return (await this.dataSource.manager.findOneBy(StoryCopy, { storyId, deleted: false })) ?? undefined;
    }, this.caughtUp);
  }

  /** Whether the project exists, by the same rule. */
  async projectExists(projectId: string): Promise<boolean> {
    const found = await awaitCopy(async () => {
      return (await this.dataSource.manager.existsBy(ProjectCopy, { projectId })) || undefined;
    }, this.caughtUp);
    return found === true;
  }

  private readonly caughtUp = async (): Promise<boolean> =>
    (await this.bus.lag()).every((partition) => partition.lag === 0);
}
