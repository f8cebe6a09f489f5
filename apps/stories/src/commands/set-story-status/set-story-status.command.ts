import type { StoryStatus } from '../../story/story.values';

/** A person sets the status (reason `manual`). */
export interface SetStoryStatus {
  readonly type: 'SetStoryStatus';
  readonly storyId: string;
  readonly status: StoryStatus;
  readonly at: string;
}
