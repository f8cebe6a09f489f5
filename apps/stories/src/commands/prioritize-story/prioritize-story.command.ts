import type { StoryPriority } from '../../story/story.values';

export interface PrioritizeStory {
  readonly type: 'PrioritizeStory';
  readonly storyId: string;
  readonly priority: StoryPriority;
  readonly at: string;
}
