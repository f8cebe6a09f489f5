import { useEffect, useState } from 'react';
import { gql } from '../api';
import { Loading, Problem, Section, Status } from '../ui';
import { href } from '../route';
import { useQuery } from '../use-query';
import { DesignEditor, LinkStory, TestRunner } from './component-actions';
import type { ComponentData } from './component-data';
import { DesignVersions, DirtyCauses, LinkedStories, TestRuns } from './component-sections';

const COMPONENT = `query($c: ID!) {
  component(id: $c) { id projectId name type description designStatus testStatus codeStatus
    dirtyCauses { kind summary at } stories { id title acceptanceCriteria { ref description } } }
  designHistory(componentId: $c) { version valid accepted submittedAt errors { code message } }
  sandboxRuns(componentId: $c, first: 20) { id outcome evidence evidenceReason testsPassed testsFailed durationMs
    tests { name status failureKind } } }`;

function DesignDiff({ componentId, versions }: { componentId: string; versions: number[] }) {
  const [range, setRange] = useState<[number, number]>([
    versions[versions.length - 2] ?? versions[0],
    versions[versions.length - 1],
  ]);
  const [diff, setDiff] = useState('');
  useEffect(() => {
    if (range[0] === range[1]) return setDiff('');
    gql<{ designDiff: { diff: string } }>(
      'query($c: ID!, $f: Int!, $t: Int!) { designDiff(componentId: $c, fromVersion: $f, toVersion: $t) { diff } }',
      { c: componentId, f: range[0], t: range[1] },
    ).then(
      ({ designDiff }) => setDiff(designDiff.diff),
      (e: Error) => setDiff(e.message),
    );
  }, [componentId, range]);
  if (versions.length < 2) return null;
  const pick = (i: 0 | 1) => (
    <select
      aria-label={i === 0 ? 'From version' : 'To version'}
      value={range[i]}
      onChange={(e) =>
        setRange(i === 0 ? [Number(e.target.value), range[1]] : [range[0], Number(e.target.value)])
      }
    >
      {versions.map((v) => (
        <option key={v}>{v}</option>
      ))}
    </select>
  );
  return (
    <div>
      Diff {pick(0)} → {pick(1)}
      <pre className="diff">
        {diff.split('\n').map((line, i) => (
          <span key={i} className={line.startsWith('+') ? 'add' : line.startsWith('-') ? 'remove' : ''}>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}

/** The next action and the traceability of a component, read once its project is known. */
function useComponentExtras(projectId: string | undefined, componentId: string) {
  const [extra, setExtra] = useState<{
    /** undefined until the next actions are read. */
    next: { action: string; reason: string } | null | undefined;
    trace: { ref: string | null; status: string }[];
  }>({ next: undefined, trace: [] });
  useEffect(() => {
    if (!projectId) return;
    gql<{
      nextActions: { action: string; reason: string; component: { id: string } }[];
      traceability: {
        criteria: { criterion: { ref: string | null }; status: string }[];
      };
    }>(
      'query($p: ID!, $c: ID!) { nextActions(projectId: $p) { action reason component { id } } traceability(projectId: $p, componentId: $c) { criteria { criterion { ref } status } } }',
      { p: projectId, c: componentId },
    ).then(
      ({ nextActions, traceability }) =>
        setExtra({
          next: nextActions.find((n) => n.component.id === componentId) ?? null,
          trace: traceability.criteria.map((c) => ({ ref: c.criterion.ref, status: c.status })),
        }),
      () => undefined,
    );
  }, [projectId, componentId]);
  return extra;
}

/** Page 5: a component's stories, designs (with errors and diffs), runs, next action and traceability. */
export function ComponentPage({ componentId, editable }: { componentId: string; editable: boolean }) {
  const { data, error, loading, reload } = useQuery<ComponentData>(COMPONENT, { c: componentId });
  const extra = useComponentExtras(data?.component.projectId, componentId);
  if (loading && !data) return <Loading what="the component" />;
  if (error || !data) return <Problem message={error} />;
  const { component, designHistory, sandboxRuns } = data;
  return (
    <main>
      <p className="small">
        <a href={href('projects', component.projectId, 'architecture')}>← architecture</a>
      </p>
      <h1>
        {component.name} <span className="muted small">{component.type}</span>
      </h1>
      <p>
        design <Status value={component.designStatus} /> · tests <Status value={component.testStatus} /> ·
        code <Status value={component.codeStatus} />
      </p>
      <p className="next" hidden={extra.next === undefined}>
        {extra.next ? (
          <>
            Next: <strong>{extra.next.action}</strong> — {extra.next.reason}
          </>
        ) : (
          'Next: nothing to do — it is green against its accepted design.'
        )}
      </p>
      <DirtyCauses causes={component.dirtyCauses} />
      <LinkedStories stories={component.stories} />
      <Section title="Designs">
        <DesignVersions designs={designHistory} />
        <DesignDiff componentId={componentId} versions={designHistory.map((d) => d.version)} />
      </Section>
      <TestRuns runs={sandboxRuns} />
      <Section title="Traceability">
        <ul>
          {extra.trace.map((t, i) => (
            <li key={i}>
              <b>{t.ref}</b> <Status value={t.status} />
            </li>
          ))}
        </ul>
      </Section>
      {editable && (
        <>
          <h2>Work on it</h2>
          <LinkStory projectId={component.projectId} componentId={componentId} onChanged={reload} />
          <DesignEditor componentId={componentId} onChanged={reload} />
          <TestRunner projectId={component.projectId} componentId={componentId} onChanged={reload} />
        </>
      )}
    </main>
  );
}
