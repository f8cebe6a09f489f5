import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@app/platform';
import { allocateCriterionRefs } from '../../persistence/criterion-ref-allocator';
import type { Story } from '../../story/story.state';
import { StoryWriter } from '../story-writer';
import type { CreateStory } from './create-story.command';

/** A new story as callers ask for it: a criterion carries a reference only when one is wanted (an import keeps its own). */
export type CreateStoryRequest = Omit<CreateStory, 'at' | 'acceptanceCriteria'> & {
  readonly acceptanceCriteria: readonly {
    readonly id: string;
    readonly description: string;
    readonly wantedRef?: string;
  }[];
};

/** Creates stories, one or many, all or none, each criterion with the next free (or its wanted) reference. */
@Injectable()
export class CreateStoryHandler {
  constructor(private readonly writer: StoryWriter) {}

  async create(context: RequestContext, requests: readonly CreateStoryRequest[]): Promise<Story[]> {
    return this.writer.transaction(async (sql) => {
      const stories: Story[] = [];
      for (const request of requests) {
        await this.writer.assertWritable(context, request.projectId, sql.manager);
        const criteria = request.acceptanceCriteria;
        const refs = await allocateCriterionRefs(
          sql.manager,
          request.projectId,
          criteria.map((c) => c.wantedRef),
        );
        const command: Omit<CreateStory, 'at'> = {
          ...request,
          acceptanceCriteria: criteria.map((c, i) => ({
            id: c.id,
            ref: refs[i],
            description: c.description,
          })),
        };
        stories.push(await this.writer.apply(sql, context, command, request.projectId, undefined));
      }
      return stories;
    }, true);
  }
}
