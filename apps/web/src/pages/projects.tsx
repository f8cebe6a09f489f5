import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Viewer } from '../api';
import { gql } from '../api';
import { href } from '../route';
import { Loading, Problem } from '../ui';
import { useQuery } from '../use-query';

interface Counts {
  stories: number;
  dirty: number;
  components: number;
  verified: number;
}

async function countsOf(projectId: string): Promise<Counts> {
  const data = await gql<{
    all: { totalCount: number };
    dirty: { totalCount: number };
    architecture: { components: { id: string }[] };
    traceability: { counts: { status: string; count: number }[] };
  }>(
    `query($p: ID!) {
      all: stories(projectId: $p, first: 1) { totalCount }
      dirty: stories(projectId: $p, status: DIRTY, first: 1) { totalCount }
      architecture(projectId: $p) { components { id } }
      traceability(projectId: $p, first: 0) { counts { status count } } }`,
    { p: projectId },
  );
  return {
    stories: data.all.totalCount,
    dirty: data.dirty.totalCount,
    components: data.architecture.components.length,
    verified: data.traceability.counts.find((c) => c.status === 'VERIFIED')?.count ?? 0,
  };
}

function NewProject({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    gql<{ createProject: { id: string } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
      {
        i: { name, description: '' },
      },
    ).then(
      ({ createProject }) => onCreated(createProject.id),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <form className="toolbar" onSubmit={submit}>
      <label htmlFor="project-name">New project</label>
      <input id="project-name" value={name} onChange={(e) => setName(e.target.value)} required />
      <button type="submit">Create project</button>
      <Problem message={error} />
    </form>
  );
}

/** Page 2: the projects this token sees, with their counts; the admin token creates projects. */
export function ProjectsPage({ viewer }: { viewer: Viewer }) {
  const { data, error, loading } = useQuery<{
    projects: { id: string; name: string; description: string }[];
  }>('{ projects { id name description } }', {});
  const [counts, setCounts] = useState<Record<string, Counts>>({});
  useEffect(() => {
    for (const p of data?.projects ?? [])
      countsOf(p.id).then(
        (c) => setCounts((all) => ({ ...all, [p.id]: c })),
        () => undefined,
      );
  }, [data]);
  if (loading) return <Loading what="projects" />;
  if (error) return <Problem message={error} />;
  const projects = data?.projects ?? [];
  return (
    <main>
      <h1>Projects</h1>
      {viewer.role === 'ADMIN' && viewer.projectId === null && (
        <NewProject onCreated={(id) => (location.hash = href('projects', id, 'stories'))} />
      )}
      {projects.length === 0 && <p>No project is visible to this token.</p>}
      <ul className="cards">
        {projects.map((p) => (
          <li key={p.id} className="card">
            <h2>
              <a href={href('projects', p.id, 'stories')}>{p.name}</a>
            </h2>
            <p className="muted">{p.description || 'no description'}</p>
            {counts[p.id] ? (
              <p className="counts">
                {counts[p.id].stories} stories · {counts[p.id].components} components · {counts[p.id].dirty}{' '}
                dirty · {counts[p.id].verified} criteria verified
              </p>
            ) : (
              <p className="muted small">counting…</p>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
