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
  const [contextName, setContextName] = useState('');
  const [component, setComponent] = useState({ name: '', parentId: '', type: 'other' });
  const [dependency, setDependency] = useState({ fromId: '', toId: '' });
  const newContext = useSubmit(
    () =>
      gql('mutation($i: CreateContextInput!) { createContext(input: $i) { id } }', {
        i: { projectId, name: contextName, type: 'DOMAIN' },
      }).then(() => setContextName('')),
    onChanged,
  );
  const newComponent = useSubmit(
    () =>
      gql('mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }', {
        i: {
          projectId,
          name: component.name,
          parentId: component.parentId || contexts[0]?.id,
          type: component.type,
        },
      }).then(() => setComponent({ ...component, name: '' })),
    onChanged,
  );
  const newDependency = useSubmit(
    () =>
      gql('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', {
        i: { fromId: dependency.fromId || members[0]?.id, toId: dependency.toId || members[1]?.id },
      }),
    onChanged,
  );
  return (
    <div className="forms">
      <form onSubmit={newContext.submit}>
        <label htmlFor="context-name">New context</label>
        <input
          id="context-name"
          value={contextName}
          onChange={(e) => setContextName(e.target.value)}
          required
        />
        <button type="submit">Add context</button>
        <Problem message={newContext.error} />
      </form>
      {contexts.length > 0 && (
        <form onSubmit={newComponent.submit}>
          <label htmlFor="component-name">New component</label>
          <input
            id="component-name"
            value={component.name}
            onChange={(e) => setComponent({ ...component, name: e.target.value })}
            required
          />
          <label htmlFor="component-context">in</label>
          <select
            id="component-context"
            value={component.parentId}
            onChange={(e) => setComponent({ ...component, parentId: e.target.value })}
          >
            {contexts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
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
          <Problem message={newComponent.error} />
        </form>
      )}
      {members.length > 1 && (
        <form onSubmit={newDependency.submit}>
          <label htmlFor="dependency-from">Dependency</label>
          <select
            id="dependency-from"
            value={dependency.fromId}
            onChange={(e) => setDependency({ ...dependency, fromId: e.target.value })}
          >
            {members.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor="dependency-to">depends on</label>
          <select
            id="dependency-to"
            value={dependency.toId || members[1]?.id}
            onChange={(e) => setDependency({ ...dependency, toId: e.target.value })}
          >
            {members.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit">Add dependency</button>
          <Problem message={newDependency.error} />
        </form>
      )}
    </div>
  );
}
