import { useEffect, useState } from 'react';
import { gql } from '../api';
import { allStories } from '@app/client/story-pages';
import { Problem, Section, Status } from '../ui';

interface Props {
  projectId: string;
  componentId: string;
  onChanged: () => void;
}

/** Map one of the project's stories onto this component. */
export function LinkStory({ projectId, componentId, onChanged }: Props) {
  const [stories, setStories] = useState<{ id: string; title: string; component: { id: string } | null }[]>(
    [],
  );
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    allStories<{ id: string; title: string; component: { id: string } | null }>(
      gql,
      projectId,
      'id title component { id }',
    ).then(
      (all) => setStories(all.filter((n) => n.component?.id !== componentId)),
      (e: Error) => setError(e.message),
    );
  }, [projectId, componentId]);
  if (stories.length === 0) return null;
  const link = () =>
    gql('mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }', {
      i: { storyId: chosen || stories[0].id, componentId },
    }).then(onChanged, (e: Error) => setError(e.message));
  return (
    <div className="toolbar">
      <label htmlFor="link-story">Link a story</label>
      <select id="link-story" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void link()}>
        Link story
      </button>
      <Problem message={error} />
    </div>
  );
}

/** Write or paste the design, check it with the architect's rules, submit it. */
export function DesignEditor({ componentId, onChanged }: Omit<Props, 'projectId'>) {
  const [markdown, setMarkdown] = useState('');
  const [check, setCheck] = useState<{ valid: boolean; errors: { code: string; message: string }[] } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ component: { designTemplate: string }; design: { markdown: string } | null }>(
      'query($c: ID!) { component(id: $c) { designTemplate } design(componentId: $c) { markdown } }',
      { c: componentId },
    ).then(
      ({ component, design }) => setMarkdown(design?.markdown ?? component.designTemplate),
      (e: Error) => setError(e.message),
    );
  }, [componentId]);
  const validate = () =>
    gql<{ validateDesign: { valid: boolean; errors: { code: string; message: string }[] } }>(
      'query($c: ID!, $m: String!) { validateDesign(componentId: $c, markdown: $m) { valid errors { code message } } }',
      { c: componentId, m: markdown },
    ).then(
      ({ validateDesign }) => setCheck(validateDesign),
      (e: Error) => setError(e.message),
    );
  const submit = () =>
    gql<{ submitDesign: { valid: boolean; errors: { code: string; message: string }[] } }>(
      'mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid errors { code message } } }',
      { i: { componentId, markdown } },
    ).then(
      ({ submitDesign }) => {
        setCheck(submitDesign);
        onChanged();
      },
      (e: Error) => setError(e.message),
    );
  return (
    <Section title="Write the design">
      <label htmlFor="design-markdown" className="muted small">
        Markdown, following the template; cite criteria as [AC-n] after each test assertion.
      </label>
      <textarea
        id="design-markdown"
        rows={14}
        className="wide"
        value={markdown}
        onChange={(e) => setMarkdown(e.target.value)}
      />
      <div className="toolbar">
        <button type="button" onClick={() => void validate()}>
          Validate
        </button>
        <button type="button" onClick={() => void submit()}>
          Submit design
        </button>
        {check && <Status value={check.valid ? 'ACCEPTED' : 'INVALID'} />}
      </div>
      {check && check.errors.length > 0 && (
        <ul>
          {check.errors.map((e, i) => (
            <li key={i}>
              {e.code}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <Problem message={error} />
    </Section>
  );
}

/** Files typed or pasted here run in the sandbox; the run counts as red or green evidence. */
export function TestRunner({ projectId, componentId, onChanged }: Props) {
  const [files, setFiles] = useState([{ path: 'test/example.test.ts', content: '' }]);
  const [evidence, setEvidence] = useState(true);
  const [result, setResult] = useState<{ outcome: string; evidence: string; evidenceReason: string } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const set = (i: number, field: 'path' | 'content', value: string) =>
    setFiles(files.map((f, j) => (j === i ? { ...f, [field]: value } : f)));
  const run = () => {
    setRunning(true);
    gql<{ runTests: { outcome: string; evidence: string; evidenceReason: string } }>(
      'mutation($i: RunTestsInput!) { runTests(input: $i) { outcome evidence evidenceReason } }',
      { i: { projectId, componentId, files, asEvidence: evidence } },
    )
      .then(
        ({ runTests }) => {
          setResult(runTests);
          setError(null);
          onChanged();
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setRunning(false));
  };
  return (
    <Section title="Run tests">
      {files.map((file, i) => (
        <div key={i} className="file-row">
          <label htmlFor={`file-path-${i}`}>File {i + 1} path</label>
          <input id={`file-path-${i}`} value={file.path} onChange={(e) => set(i, 'path', e.target.value)} />
          <label htmlFor={`file-content-${i}`}>File {i + 1} content</label>
          <textarea
            id={`file-content-${i}`}
            rows={6}
            className="wide"
            value={file.content}
            onChange={(e) => set(i, 'content', e.target.value)}
          />
        </div>
      ))}
      <div className="toolbar">
        <button type="button" onClick={() => setFiles([...files, { path: 'src/example.ts', content: '' }])}>
          Add a file
        </button>
        <label>
          <input type="checkbox" checked={evidence} onChange={(e) => setEvidence(e.target.checked)} /> count
          as evidence
        </label>
        <button type="button" onClick={run} disabled={running}>
          {running ? 'Running…' : 'Run in the sandbox'}
        </button>
      </div>
      {result && (
        <p role="status">
          <Status value={result.outcome} /> evidence <Status value={result.evidence} />:{' '}
          {result.evidenceReason}
        </p>
      )}
      <Problem message={error} />
    </Section>
  );
}
