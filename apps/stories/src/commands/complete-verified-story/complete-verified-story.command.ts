/** Every criterion of the story was verified (by the architect: cited, red, then green). */
export interface CompleteVerifiedStory {
  readonly type: 'CompleteVerifiedStory';
  readonly storyId: string;
  readonly at: string;
}
