import { useEffect, useState } from 'react';
import { gql } from '../api';
import { Problem, Status } from '../ui';
import { StoryEdit } from './story-edit';

interface StoryAt {
  id: string;
  title: string;
  description: string;
  status: string;
  version: number;
  acceptanceCriteria: { id: string; ref: string | null; description: string }[];
}

type Change = { field: string; before: unknown; after: unknown };

/** The field changes between two versions of a story, with a choice of the older one. */
function StoryChanges({ storyId, version }: { storyId: string; version: number }) {
  const [from, setFrom] = useState(Math.max(1, version - 1));
  const [changes, setChanges] = useState<Change[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (from >= version) return setChanges([]);
    gql<{ storyDiff: { changes: Change[] } }>(
      'query($id: ID!, $f: Int!, $t: Int!) { storyDiff(id: $id, fromVersion: $f, toVersion: $t) { changes { field before after } } }',
      { id: storyId, f: from, t: version },
    ).then(
      ({ storyDiff }) => setChanges(storyDiff.changes),
      (e: Error) => setError(e.message),
    );
  }, [storyId, from, version]);
  return (
    <>
      <h3>Changes since version</h3>
      <Problem message={error} />
      <select
        value={from}
        onChange={(e) => setFrom(Number(e.target.value))}
        aria-label="Compare from version"
      >
        {Array.from({ length: Math.max(version - 1, 1) }, (_, i) => i + 1).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <ul className="diff">
        {changes.map((c) => (
          <li key={c.field}>
            <strong>{c.field}</strong>
            <del>{JSON.stringify(c.before)}</del>
            <ins>{JSON.stringify(c.after)}</ins>
          </li>
        ))}
        {changes.length === 0 && <li className="muted">no change</li>}
      </ul>
    </>
  );
}

/** The deterministic review's findings of a story. */
function StoryReview({ storyId }: { storyId: string }) {
  const [findings, setFindings] = useState<{ rule: string; severity: string; message: string }[]>([]);
  useEffect(() => {
    gql<{ reviewStory: { findings: { rule: string; severity: string; message: string }[] } }>(
      'query($id: ID!) { reviewStory(id: $id) { findings { rule severity message } } }',
      { id: storyId },
    ).then(
      ({ reviewStory }) => setFindings(reviewStory.findings),
      () => setFindings([]),
    );
  }, [storyId]);
  return (
    <>
      <h3>Review</h3>
      <ul>
        {findings.map((f, i) => (
          <li key={i}>
            <Status value={f.severity.toUpperCase()} /> {f.rule}: {f.message}
          </li>
        ))}
        {findings.length === 0 && <li className="muted">no findings</li>}
      </ul>
    </>
  );
}

/** A story in time: a version slider, the field diff between two versions, and its review findings. */
export function StoryPanel({
  storyId,
  latest,
  editable,
  onClose,
  onChanged,
}: {
  storyId: string;
  latest: number;
  editable: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [version, setVersion] = useState(latest);
  const [story, setStory] = useState<StoryAt | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ story: StoryAt }>(
      'query($id: ID!, $v: Int) { story(id: $id, atVersion: $v) { id title description status version acceptanceCriteria { id ref description } } }',
      { id: storyId, v: version },
    ).then(
      ({ story: s }) => setStory(s),
      (e: Error) => setError(e.message),
    );
  }, [storyId, version]);
  return (
    <aside className="panel" aria-label="Story">
      <button type="button" className="close" onClick={onClose}>
        Close
      </button>
      <Problem message={error} />
      {story && (
        <>
          <h2>{story.title}</h2>
          <label>
            Version {version} of {latest}
            <input
              type="range"
              min={1}
              max={latest}
              value={version}
              onChange={(e) => setVersion(Number(e.target.value))}
            />
          </label>
          <p>
            <Status value={story.status} />
          </p>
          <p>{story.description}</p>
          <ul>
            {story.acceptanceCriteria.map((c, i) => (
              <li key={i}>
                <strong>{c.ref}</strong> {c.description}
              </li>
            ))}
          </ul>
          {editable && version === latest && (
            <StoryEdit key={story.version} story={story} onSaved={onChanged} />
          )}
          <StoryChanges key={version} storyId={storyId} version={version} />
          <StoryReview storyId={storyId} />
        </>
      )}
    </aside>
  );
}
