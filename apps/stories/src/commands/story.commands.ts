import type { AddAcceptanceCriterion } from './add-acceptance-criterion/add-acceptance-criterion.command';
import type { ChangeStoryTags } from './change-story-tags/change-story-tags.command';
import type { CreateStory } from './create-story/create-story.command';
import type { DeleteStory } from './delete-story/delete-story.command';
import type { LinkStoryToComponent } from './link-story-to-component/link-story-to-component.command';
import type { MarkStoryDirty } from './mark-story-dirty/mark-story-dirty.command';
import type { MarkStoryCurrent } from './mark-story-current/mark-story-current.command';
import type { CompleteVerifiedStory } from './complete-verified-story/complete-verified-story.command';
import type { PrioritizeStory } from './prioritize-story/prioritize-story.command';
import type { ReferenceCriteria } from './reference-criteria/reference-criteria.command';
import type { RemoveAcceptanceCriterion } from './remove-acceptance-criterion/remove-acceptance-criterion.command';
import type { ReviseStory } from './revise-story/revise-story.command';
import type { SetStoryStatus } from './set-story-status/set-story-status.command';
import type { UnlinkStoryFromComponent } from './unlink-story-from-component/unlink-story-from-component.command';
import type { UpdateAcceptanceCriterion } from './update-acceptance-criterion/update-acceptance-criterion.command';
import type { VerifyAcceptanceCriterion } from './verify-acceptance-criterion/verify-acceptance-criterion.command';

export type {
  AddAcceptanceCriterion,
  ChangeStoryTags,
  CreateStory,
  DeleteStory,
  LinkStoryToComponent,
  MarkStoryDirty,
  MarkStoryCurrent,
  CompleteVerifiedStory,
  PrioritizeStory,
  ReferenceCriteria,
  RemoveAcceptanceCriterion,
  ReviseStory,
  SetStoryStatus,
  UnlinkStoryFromComponent,
  UpdateAcceptanceCriterion,
  VerifyAcceptanceCriterion,
};

/** Every command a `story-<id>` stream accepts. Time (`at`) and ids always come in with the command. */
export type StoryCommand =
  | CreateStory
  | ReviseStory
  | AddAcceptanceCriterion
  | UpdateAcceptanceCriterion
  | RemoveAcceptanceCriterion
  | VerifyAcceptanceCriterion
  | ReferenceCriteria
  | ChangeStoryTags
  | PrioritizeStory
  | SetStoryStatus
  | MarkStoryDirty
  | MarkStoryCurrent
  | CompleteVerifiedStory
  | LinkStoryToComponent
  | UnlinkStoryFromComponent
  | DeleteStory;
