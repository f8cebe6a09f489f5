import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Viewer } from '../api';
import { canEdit, gql } from '../api';
import { Loading, Problem } from '../ui';
import { allStories } from '@app/client/story-pages';
import { useLoad } from '../use-query';
import { StoryPanel } from './story-panel';

interface Card {
  id: string;
  title: string;
  status: string;
  priority: string | null;
  tags: string[];
  version: number;
  acceptanceCriteria: { ref: string | null; description: string }[];
}

const COLUMNS = ['IN_PROGRESS', 'DIRTY', 'COMPLETED'] as const;
const CARD = 'id title status priority tags version acceptanceCriteria { ref description }';

function NewStory({ projectId, onCreated }: { projectId: string; onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [criteria, setCriteria] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    gql('mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }', {
      i: {
        projectId,
        title,
        description,
        acceptanceCriteria: criteria
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
      },
    }).then(
      () => {
        setTitle('');
        setDescription('');
        setCriteria('');
        setError(null);
        onCreated();
      },
      (e: Error) => setError(e.message),
    );
  };
  return (
    <form className="new-story" onSubmit={submit}>
      <h2>New story</h2>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        Description{' '}
        <input
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="As a … I want … so that …"
        />
      </label>
      <label>
        Acceptance criteria (one per line)
        <textarea value={criteria} onChange={(e) => setCriteria(e.target.value)} rows={3} />
      </label>
      <button type="submit">Create story</button>
      <Problem message={error} />
    </form>
  );
}

function ImportExport({ projectId, onImported }: { projectId: string; onImported: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const exportFile = () =>
    gql<{ exportStoriesMarkdown: string }>('query($p: ID!) { exportStoriesMarkdown(projectId: $p) }', {
      p: projectId,
    }).then(
      ({ exportStoriesMarkdown }) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([exportStoriesMarkdown], { type: 'text/markdown' }));
        link.download = 'user_stories.md';
        link.click();
      },
      (e: Error) => setError(e.message),
    );
  const importFile = (file: File | undefined) =>
    file?.text().then((markdown) =>
      gql('mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { id } }', {
        p: projectId,
        m: markdown,
      }).then(onImported, (e: Error) => setError(e.message)),
    );
  return (
    <div className="toolbar">
      <button type="button" onClick={() => void exportFile()}>
        Export user_stories.md
      </button>
      <label className="button">
        Import user_stories.md
        <input
          type="file"
          accept=".md,text/markdown"
          hidden
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </label>
      <Problem message={error} />
    </div>
  );
}

/** Criteria an older version recorded without a reference: say how many, and give them one (EDITOR). */
function MissingRefs({
  projectId,
  count,
  onGiven,
}: {
  projectId: string;
  count: number;
  onGiven: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const give = () =>
    gql('mutation($p: ID!) { assignCriterionRefs(projectId: $p) }', { p: projectId }).then(
      onGiven,
      (e: Error) => setError(e.message),
    );
  return (
    <div className="toolbar" role="status">
      <span>
        {count} {count === 1 ? 'criterion has' : 'criteria have'} no AC- reference yet (recorded by an older
        version); designs can cite them once they have one.
      </span>
      <button type="button" onClick={() => void give()}>
        Give them references
      </button>
      <Problem message={error} />
    </div>
  );
}

/** Page 3: the stories board, columns by status; create, import, export; a story's history and review. */
export function StoriesBoard({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const { data, error, loading, reload } = useLoad(() => allStories<Card>(gql, projectId, CARD), projectId);
  const [open, setOpen] = useState<Card | null>(null);
  if (loading && !data) return <Loading what="stories" />;
  const cards = data ?? [];
  const unreferenced = cards.flatMap((c) => c.acceptanceCriteria).filter((c) => !c.ref).length;
  return (
    <main>
      <h1>Stories</h1>
      <Problem message={error} />
      {canEdit(viewer) && <ImportExport projectId={projectId} onImported={reload} />}
      {canEdit(viewer) && unreferenced > 0 && (
        <MissingRefs projectId={projectId} count={unreferenced} onGiven={reload} />
      )}
      <div className="board">
        {COLUMNS.map((column) => (
          <section key={column} className="column" aria-label={column}>
            <h2>
              {column.replace('_', ' ')}{' '}
              <span className="muted">{cards.filter((c) => c.status === column).length}</span>
            </h2>
            {cards
              .filter((c) => c.status === column)
              .map((card) => (
                <button type="button" key={card.id} className="story-card" onClick={() => setOpen(card)}>
                  <strong>{card.title}</strong>
                  <span className="muted small">
                    {card.priority ?? ''} {card.tags.map((t) => `#${t}`).join(' ')}
                  </span>
                  <ul>
                    {card.acceptanceCriteria.map((c, i) => (
                      <li key={i}>
                        <b>{c.ref}</b> {c.description}
                      </li>
                    ))}
                  </ul>
                </button>
              ))}
          </section>
        ))}
      </div>
      {canEdit(viewer) && <NewStory projectId={projectId} onCreated={reload} />}
      {open && (
        <StoryPanel
          key={open.version}
          storyId={open.id}
          latest={open.version}
          editable={canEdit(viewer)}
          onClose={() => setOpen(null)}
          onChanged={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
    </main>
  );
}
