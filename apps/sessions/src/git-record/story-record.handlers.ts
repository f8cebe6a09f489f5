import type { EntityManager } from 'typeorm';
import type { PublicProjectEvent, PublicStoryEvent } from '@app/domain';
import type { ContractHandlers } from '@app/platform';
import { projectIdFromStream, storyIdFromStream } from '@app/domain';
import { writeEntity } from '@app/platform';
import type { Cause, RecordWriter } from './record-writer';
import { NO_PENDING_STORIES, RecordProject } from './record-project.entity';
import type { RecordCriterion } from './record-story.entity';
import { RecordStory } from './record-story.entity';

/** A project's creation and new names → the heading of `docs/user_stories.md`; the record follows projects it saw created. */
export function projectRecordHandlers(writer: RecordWriter): ContractHandlers<PublicProjectEvent> {
  return {
    ProjectCreated: async (event, { manager }) => {
      const { projectId, name } = event.data;
      const row: RecordProject = { projectId, name, ...NO_PENDING_STORIES, pendingRefs: [] };
      await writeEntity(manager, RecordProject, row, 'ignore');
      await writer.storiesChanged(event, manager, projectId, `Project ${name} created`);
    },
    ProjectRenamed: async (event, { manager }) => {
      const projectId = projectIdFromStream(event.streamId);
      const summary = `Project renamed to ${event.data.name}`;
      if (await writer.storiesChanged(event, manager, projectId, summary))
        await manager.update(RecordProject, { projectId }, { name: event.data.name });
    },
  };
}

/** Stories and their criteria → `docs/user_stories.md`, one commit per change naming it. */
export function storyRecordHandlers(writer: RecordWriter): ContractHandlers<PublicStoryEvent> {
  const storyOf = (event: Cause, manager: EntityManager) =>
    manager.findOneBy(RecordStory, { storyId: storyIdFromStream(event.streamId) });
  /** Changes the story's criteria and commits the stories file, naming the criterion. */
  const changeCriteria = async (
    event: Cause,
    manager: EntityManager,
    change: (criteria: RecordCriterion[]) => RecordCriterion[],
    what: string,
    ref?: string,
  ) => {
    const story = await storyOf(event, manager);
    if (!story) return;
    await manager.update(RecordStory, { storyId: story.storyId }, { criteria: change(story.criteria) });
    const summary = `${ref ?? 'A criterion'} of "${story.title}" ${what}`;
    await writer.storiesChanged(event, manager, story.projectId, summary, ref ? [ref] : []);
  };
  return {
    StoryCreated: async (event, { manager }) => {
      const { storyId, projectId, title, description, createdAt } = event.data;
      const criteria = event.data.acceptanceCriteria.map((c) => ({
        id: c.id,
        ...(c.ref ? { ref: c.ref } : {}),
        description: c.description,
      }));
      const row: RecordStory = {
        storyId,
        projectId,
        title,
        description,
        criteria,
        createdAt: new Date(createdAt),
      };
      const refs = criteria.flatMap((c) => (c.ref ? [c.ref] : []));
      // Two statements an event: an import of thousands of stories must not hold the consumer up.
      if (await writer.storiesChanged(event, manager, projectId, `Story "${title}" created`, refs))
        await writeEntity(manager, RecordStory, row, 'ignore');
    },
    StoryRevised: async (event, { manager }) => {
      const story = await storyOf(event, manager);
      if (!story) return;
      const { title, description } = event.data;
      await manager.update(RecordStory, { storyId: story.storyId }, { title, description });
      await writer.storiesChanged(event, manager, story.projectId, `Story "${title}" revised`);
    },
    StoryDeleted: async (event, { manager }) => {
      const story = await storyOf(event, manager);
      if (!story) return;
      await manager.delete(RecordStory, { storyId: story.storyId });
      await writer.storiesChanged(event, manager, story.projectId, `Story "${story.title}" deleted`);
    },
    AcceptanceCriterionAdded: (event, { manager }) => {
      const { criterionId, ref, description } = event.data;
      const added = { id: criterionId, ...(ref ? { ref } : {}), description };
      return changeCriteria(event, manager, (criteria) => [...criteria, added], 'added', ref);
    },
    AcceptanceCriterionUpdated: (event, { manager }) => {
      const { criterionId, ref, description } = event.data;
      const update = (criteria: RecordCriterion[]) =>
        criteria.map((c) => (c.id === criterionId ? { ...c, description } : c));
      return changeCriteria(event, manager, update, 'changed', ref);
    },
    AcceptanceCriteriaReferenced: async (event, { manager }) => {
      const refs = new Map(event.data.refs.map((r) => [r.criterionId, r.ref]));
      const story = await storyOf(event, manager);
      if (!story) return;
      const criteria = story.criteria.map((c) => {
        const ref = refs.get(c.id);
        return ref ? { ...c, ref } : c;
      });
      await manager.update(RecordStory, { storyId: story.storyId }, { criteria });
      const named = [...refs.values()];
      const summary = `${named.join(', ')} given to criteria of "${story.title}"`;
      await writer.storiesChanged(event, manager, story.projectId, summary, named);
    },
    AcceptanceCriterionRemoved: (event, { manager }) => {
      const { criterionId, ref } = event.data;
      const remove = (criteria: RecordCriterion[]) => criteria.filter((c) => c.id !== criterionId);
      return changeCriteria(event, manager, remove, 'removed', ref);
    },
  };
}
