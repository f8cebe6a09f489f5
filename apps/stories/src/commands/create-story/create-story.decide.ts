import type { FieldProblem } from '@app/domain';
import { DomainError } from '@app/domain';
import type { StoryCreated } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { normalizeLine, normalizeDescription } from '@app/domain';
import {
  criteriaCountProblems,
  criterionRefProblems,
  criterionTextProblems,
  descriptionProblems,
  normalizeTags,
  rejectIfInvalid,
  titleProblems,
} from '../../story/story.validation';
import { DEFAULT_STORY_PRIORITY, isStoryPriority, STORY_PRIORITIES } from '../../story/story.values';
import type { CreateStory } from './create-story.command';

/**
 * A new story, IN_PROGRESS. Text is stored in canonical form (see story.text). Title uniqueness
 * within the project is the handler's job, not this decision's.
 */
export function decideCreateStory(command: CreateStory, state: StoryState): StoryCreated[] {
  if (state !== null)
    throw new DomainError('CONFLICT', `story ${command.storyId} already exists`, {
      id: command.storyId,
      currentVersion: state.version,
    });

  const title = normalizeLine(command.title);
  const description = normalizeDescription(command.description);
  const priority = command.priority ?? DEFAULT_STORY_PRIORITY;
  const { tags, problems: tagProblems } = normalizeTags(command.tags);
  const problems: FieldProblem[] = [];
  if (command.projectId.trim().length === 0)
    problems.push({ field: 'projectId', message: 'must not be empty' });
  problems.push(...titleProblems(title), ...descriptionProblems(description));
  problems.push(...criteriaCountProblems(command.acceptanceCriteria.length));

  const seenIds = new Set<string>();
  const seenRefs = new Set<string>();
  const acceptanceCriteria = command.acceptanceCriteria.map((criterion, index) => {
    const field = `acceptanceCriteria[${index}]`;
    const text = normalizeLine(criterion.description);
    problems.push(...criterionTextProblems(text, field));
    if (criterion.id.trim().length === 0) problems.push({ field, message: 'id must not be empty' });
    else if (seenIds.has(criterion.id))
      problems.push({ field, message: `duplicate acceptance criterion id ${criterion.id}` });
    seenIds.add(criterion.id);
    problems.push(...criterionRefProblems(criterion.ref, seenRefs, field));
    seenRefs.add(criterion.ref);
    return { id: criterion.id, ref: criterion.ref, description: text };
  });
  problems.push(...tagProblems);
  if (!isStoryPriority(priority))
    problems.push({ field: 'priority', message: `must be one of ${STORY_PRIORITIES.join(', ')}` });
  rejectIfInvalid('story', problems);

  return [
    {
      type: 'StoryCreated',
      data: {
        storyId: command.storyId,
        projectId: command.projectId,
        title,
        description,
        acceptanceCriteria,
        tags,
        priority,
        createdAt: command.at,
      },
    },
  ];
}
