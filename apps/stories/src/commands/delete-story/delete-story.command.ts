export interface DeleteStory {
  readonly type: 'DeleteStory';
  readonly storyId: string;
  readonly at: string;
}
