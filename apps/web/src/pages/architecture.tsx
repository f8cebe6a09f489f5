import { useMemo } from 'react';
import { Loading, Problem } from '../ui';
import { useQuery } from '../use-query';
import type { GraphNode } from './graph-layout';
import { ArchitectureForms } from './architecture-forms';
import { ArchitectureGraph } from './architecture-graph';

interface ArchitectureData {
  architecture: {
    components: (Omit<GraphNode, 'dirty'> & { dirtyCauses: { kind: string }[] })[];
    dependencies: { from: { id: string }; to: { id: string } }[];
    orphanedContexts: { id: string; name: string }[];
    health: { score: number; level: string; storyCoverage: number };
  };
}

const ARCHITECTURE = `query($p: ID!) { architecture(projectId: $p) {
  components { id name type parentId designStatus testStatus codeStatus dirtyCauses { kind } }
  dependencies { from { id } to { id } } orphanedContexts { id name }
  health { score level storyCoverage } } }`;

/** Page 4: the dependency graph drawn as a graph, coloured by status, dirty ones marked; click opens a component. */
export function ArchitecturePage({ projectId, editable }: { projectId: string; editable: boolean }) {
  const { data, error, loading, reload } = useQuery<ArchitectureData>(ARCHITECTURE, { p: projectId });
  const architecture = data?.architecture;
  // Laid out again only when the architecture itself changed.
  const nodes = useMemo<GraphNode[]>(
    () => architecture?.components.map((c) => ({ ...c, dirty: c.dirtyCauses.length > 0 })) ?? [],
    [architecture],
  );
  const dependencies = useMemo(
    () => architecture?.dependencies.map((d) => ({ from: d.from.id, to: d.to.id })) ?? [],
    [architecture],
  );
  if (loading && !data) return <Loading what="the architecture" />;
  if (error || !architecture) return <Problem message={error} />;
  return (
    <main>
      <h1>Architecture</h1>
      <p>
        Health {architecture.health.score}/100 ({architecture.health.level}), story coverage{' '}
        {Math.round(architecture.health.storyCoverage * 100)}% of the stories are on a component. Orphaned
        contexts: {architecture.orphanedContexts.map((c) => c.name).join(', ') || 'none'}.
      </p>
      <p className="legend">
        <span className="tone-none">no design</span> <span className="tone-design">design accepted</span>{' '}
        <span className="tone-red">red tests</span> <span className="tone-green">green code</span>{' '}
        <span className="dirty-mark">dirty</span> · an arrow points to what a component depends on
      </p>
      {editable && (
        <ArchitectureForms projectId={projectId} components={architecture.components} onChanged={reload} />
      )}
      <ArchitectureGraph nodes={nodes} dependencies={dependencies} />
    </main>
  );
}
