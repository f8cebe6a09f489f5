import type { PublicCriterionEvent, PublicStoryRevised } from '@app/domain';
import type { DirtyCause } from '../architecture/dirty-cause';

/** The cause a story change gives, told with the story's title (`nextActions` shows the summary). */
export type StoryChangeCause = (storyTitle: string) => Pick<DirtyCause, 'kind' | 'summary'>;

type Data<T extends PublicCriterionEvent['type']> = Extract<PublicCriterionEvent, { type: T }>['data'];

export const storyRevised =
  (data: PublicStoryRevised['data']): StoryChangeCause =>
  () => ({ kind: 'STORY_REVISED', summary: `Story "${data.title}" was revised` });

export const criterionAdded =
  (data: Data<'AcceptanceCriterionAdded'>): StoryChangeCause =>
  (title) => ({
    kind: 'CRITERION_ADDED',
    summary: `${data.ref ?? 'A criterion'} was added to "${title}": "${data.description}"`,
  });

export const criterionChanged =
  (data: Data<'AcceptanceCriterionUpdated'>): StoryChangeCause =>
  (title) => ({
    kind: 'CRITERION_CHANGED',
    summary:
      data.previousDescription === undefined
        ? `${data.ref ?? 'A criterion'} of "${title}" changed: now "${data.description}"`
        : `${data.ref ?? 'A criterion'} of "${title}" changed: "${data.previousDescription}" → "${data.description}"`,
  });

export const criterionRemoved =
  (data: Data<'AcceptanceCriterionRemoved'>): StoryChangeCause =>
  (title) => ({
    kind: 'CRITERION_REMOVED',
    summary: `${data.ref ?? 'A criterion'} was removed from "${title}"${data.description === undefined ? '' : `: "${data.description}"`}`,
  });
