import type { StoryPriority } from '../../story/story.values';

export interface CreateStory {
  readonly type: 'CreateStory';
  readonly storyId: string;
  readonly projectId: string;
  readonly title: string;
  readonly description: string;
  /** Ids are minted by the caller, like the story id; refs (`AC-<n>`) are allocated by the caller per project. */
  readonly acceptanceCriteria: readonly {
    readonly id: string;
    readonly ref: string;
    readonly description: string;
  }[];
  readonly tags: readonly string[];
  /** Defaults to MEDIUM. */
  readonly priority?: StoryPriority;
  readonly at: string;
}
