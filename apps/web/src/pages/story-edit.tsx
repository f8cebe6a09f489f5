import { useState } from 'react';
import type { FormEvent } from 'react';
import { gql } from '../api';
import { Problem } from '../ui';

interface Editable {
  id: string;
  title: string;
  description: string;
  version: number;
  acceptanceCriteria: { id: string; ref: string | null; description: string }[];
}

/** EDITOR: revise the title and description (at the version read), reword or add criteria. */
export function StoryEdit({ story, onSaved }: { story: Editable; onSaved: () => void }) {
  const [title, setTitle] = useState(story.title);
  const [description, setDescription] = useState(story.description);
  const [criteria, setCriteria] = useState(story.acceptanceCriteria.map((c) => c.description));
  const [added, setAdded] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (title !== story.title || description !== story.description)
        await gql('mutation($i: ReviseStoryInput!) { reviseStory(input: $i) { id } }', {
          i: { id: story.id, expectedVersion: story.version, title, description },
        });
      for (const [i, text] of criteria.entries())
        if (text !== story.acceptanceCriteria[i].description)
          await gql(
            'mutation($i: UpdateAcceptanceCriterionInput!) { updateAcceptanceCriterion(input: $i) { id } }',
            {
              i: { storyId: story.id, criterionId: story.acceptanceCriteria[i].id, description: text },
            },
          );
      if (added.trim())
        await gql('mutation($i: AddAcceptanceCriterionInput!) { addAcceptanceCriterion(input: $i) { id } }', {
          i: { storyId: story.id, description: added.trim() },
        });
      setError(null);
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="new-story" onSubmit={(e) => void save(e)}>
      <h3>Edit</h3>
      <label>
        Story title <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        Story description{' '}
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {story.acceptanceCriteria.map((c, i) => (
        <label key={c.id}>
          {c.ref}
          <input
            value={criteria[i]}
            onChange={(e) => setCriteria(criteria.map((t, j) => (j === i ? e.target.value : t)))}
          />
        </label>
      ))}
      <label>
        New criterion <input value={added} onChange={(e) => setAdded(e.target.value)} />
      </label>
      <button type="submit">Save story</button>
      <Problem message={error} />
    </form>
  );
}
