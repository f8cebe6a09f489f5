import { useState } from 'react';
import type { FormEvent } from 'react';
import { gql } from '../api';
import { Problem } from '../ui';

interface Option {
  id: string;
  name: string;
  parentId: string | null;
}

/** One small form: its fields, a submit button, the API's message on failure. */
function useSubmit(run: () => Promise<unknown>, onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run().then(
      () => {
        setError(null);
        onDone();
      },
      (e: Error) => setError(e.message),
    );
  };
  return { error, submit };
}

/** A select of components by name. */
function ComponentSelect(props: {
  id: string;
  options: Option[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.options.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

function NewContext({ projectId, onChanged }: { projectId: string; onChanged: () => void }) {
  const [name, setName] = useState('');
  const form = useSubmit(
    () =>
      gql('mutation($i: CreateContextInput!) { createContext(input: $i) { id } }', {
        i: { projectId, name, type: 'DOMAIN' },
      }).then(() => setName('')),
    onChanged,
  );
  return (
    <form onSubmit={form.submit}>
      <label htmlFor="context-name">New context</label>
      <input id="context-name" value={name} onChange={(e) => setName(e.target.value)} required />
      <button type="submit">Add context</button>
      <Problem message={form.error} />
    </form>
  );
}

function NewComponent(props: { projectId: string; contexts: Option[]; onChanged: () => void }) {
  const [component, setComponent] = useState({ name: '', parentId: '', type: 'other' });
  const form = useSubmit(
    () =>
      gql('mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }', {
        i: {
          projectId: props.projectId,
          name: component.name,
          parentId: component.parentId || props.contexts[0]?.id,
          type: component.type,
        },
      }).then(() => setComponent({ ...component, name: '' })),
    props.onChanged,
  );
  return (
    <form onSubmit={form.submit}>
      <label htmlFor="component-name">New component</label>
      <input
        id="component-name"
        value={component.name}
        onChange={(e) => setComponent({ ...component, name: e.target.value })}
        required
      />
      <label htmlFor="component-context">in</label>
      <ComponentSelect
        id="component-context"
        options={props.contexts}
        value={component.parentId}
        onChange={(parentId) => setComponent({ ...component, parentId })}
      />
      <label htmlFor="component-type">type</label>
      <select
        id="component-type"
        value={component.type}
        onChange={(e) => setComponent({ ...component, type: e.target.value })}
      >
        {['other', 'module', 'schema', 'repository', 'ui', 'task'].map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <button type="submit">Add component</button>
      <Problem message={form.error} />
    </form>
  );
}

function NewDependency({ members, onChanged }: { members: Option[]; onChanged: () => void }) {
  const [dependency, setDependency] = useState({ fromId: '', toId: '' });
  const form = useSubmit(
    () =>
      gql('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', {
        i: { fromId: dependency.fromId || members[0]?.id, toId: dependency.toId || members[1]?.id },
      }),
    onChanged,
  );
  return (
    <form onSubmit={form.submit}>
      <label htmlFor="dependency-from">Dependency</label>
      <ComponentSelect
        id="dependency-from"
        options={members}
        value={dependency.fromId}
        onChange={(fromId) => setDependency({ ...dependency, fromId })}
      />
      <label htmlFor="dependency-to">depends on</label>
      <ComponentSelect
        id="dependency-to"
        options={members}
        value={dependency.toId || members[1]?.id}
        onChange={(toId) => setDependency({ ...dependency, toId })}
      />
      <button type="submit">Add dependency</button>
      <Problem message={form.error} />
    </form>
  );
}

/** EDITOR: add a context, a component in a context, and a dependency — the graph redraws. */
export function ArchitectureForms({
  projectId,
  components,
  onChanged,
}: {
  projectId: string;
  components: Option[];
  onChanged: () => void;
}) {
  const contexts = components.filter((c) => c.parentId === null);
  const members = components.filter((c) => c.parentId !== null);
  return (
    <div className="forms">
      <NewContext projectId={projectId} onChanged={onChanged} />
      {contexts.length > 0 && (
        <NewComponent projectId={projectId} contexts={contexts} onChanged={onChanged} />
      )}
      {members.length > 1 && <NewDependency members={members} onChanged={onChanged} />}
    </div>
  );
}
