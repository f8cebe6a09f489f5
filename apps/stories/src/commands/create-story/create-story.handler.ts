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

/**
 * Creates stories, one or many, all or none, each criterion with the next free (or its wanted)
 * reference. The project is checked, and its references allocated, once per project of the batch
 * (an import of thousands of stories is one project).
 */
@Injectable()
export class CreateStoryHandler {
  constructor(private readonly writer: StoryWriter) {}

  async create(context: RequestContext, requests: readonly CreateStoryRequest[]): Promise<Story[]> {
    return this.writer.transaction(async (sql) => {
      const refsOf = new Map<CreateStoryRequest, string[]>();
      for (const projectId of new Set(requests.map((request) => request.projectId))) {
        await this.writer.assertWritable(context, projectId, sql.manager);
        const ofProject = requests.filter((request) => request.projectId === projectId);
        const refs = await allocateCriterionRefs(
          sql.manager,
          projectId,
          ofProject.flatMap((request) => request.acceptanceCriteria.map((c) => c.wantedRef)),
        );
        let next = 0;
        for (const request of ofProject)
          refsOf.set(request, refs.slice(next, (next += request.acceptanceCriteria.length)));
      }
      const stories: Story[] = [];
      for (const request of requests) {
        const refs = refsOf.get(request)!;
        const command: Omit<CreateStory, 'at'> = {
          ...request,
          acceptanceCriteria: request.acceptanceCriteria.map((c, i) => ({
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
