import { href } from '../route';
import { Loading, Problem } from '../ui';
import { useQuery } from '../use-query';
import type { GraphNode } from './graph-layout';
import { layout, NODE, toneOf } from './graph-layout';
import { ArchitectureForms } from './architecture-forms';

interface ArchitectureData {
  architecture: {
    components: (Omit<GraphNode, 'dirty'> & { dirtyCauses: { kind: string }[] })[];
    dependencies: { from: { id: string }; to: { id: string } }[];
    layers: { id: string }[][];
    orphanedContexts: { id: string; name: string }[];
    health: { score: number; level: string; storyCoverage: number };
  };
}

const ARCHITECTURE = `query($p: ID!) { architecture(projectId: $p) {
  components { id name type parentId designStatus testStatus codeStatus dirtyCauses { kind } }
  dependencies { from { id } to { id } } layers { id } orphanedContexts { id name }
  health { score level storyCoverage } } }`;

/** Page 4: the dependency graph drawn as a graph, coloured by status, dirty ones marked; click opens a component. */
export function ArchitecturePage({ projectId, editable }: { projectId: string; editable: boolean }) {
  const { data, error, loading, reload } = useQuery<ArchitectureData>(ARCHITECTURE, { p: projectId });
  if (loading && !data) return <Loading what="the architecture" />;
  if (error || !data) return <Problem message={error} />;
  const { architecture } = data;
  const nodes: GraphNode[] = architecture.components.map((c) => ({ ...c, dirty: c.dirtyCauses.length > 0 }));
  const { lanes, placed, width, height } = layout(
    nodes,
    architecture.layers.map((layer) => layer.map((c) => c.id)),
  );
  const at = new Map(placed.map((p) => [p.id, p]));
  return (
    <main>
      <h1>Architecture</h1>
      <p>
        Health {architecture.health.score}/100 ({architecture.health.level}), story coverage{' '}
        {Math.round(architecture.health.storyCoverage * 100)}%. Orphaned contexts:{' '}
        {architecture.orphanedContexts.map((c) => c.name).join(', ') || 'none'}.
      </p>
      <p className="legend">
        <span className="tone-none">no design</span> <span className="tone-design">design accepted</span>{' '}
        <span className="tone-red">red tests</span> <span className="tone-green">green code</span>{' '}
        <span className="dirty-mark">dirty</span>
      </p>
      {editable && (
        <ArchitectureForms projectId={projectId} components={architecture.components} onChanged={reload} />
      )}
      <div className="graph-scroll">
        <svg width={width} height={height} role="img" aria-label="Dependency graph" className="graph">
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="arrowhead" />
            </marker>
          </defs>
          {lanes.map((lane) => (
            <g key={lane.context.id} className="lane">
              <rect x={4} y={lane.y} width={width - 8} height={lane.height} rx={8} />
              <a href={href('components', lane.context.id)}>
                <text x={14} y={lane.y + 19}>
                  {lane.context.name} (
                  {lane.context.type === 'context' ? 'context' : lane.context.type.replace('_', ' ')})
                </text>
              </a>
            </g>
          ))}
          {architecture.dependencies.map((d) => {
            const from = at.get(d.from.id);
            const to = at.get(d.to.id);
            if (!from || !to) return null;
            return (
              <line
                key={`${d.from.id}-${d.to.id}`}
                className="edge"
                x1={from.x + NODE.width}
                y1={from.y + NODE.height / 2}
                x2={to.x}
                y2={to.y + NODE.height / 2}
                markerEnd="url(#arrow)"
              />
            );
          })}
          {placed.map((node) => (
            <a
              key={node.id}
              href={href('components', node.id)}
              aria-label={`${node.name}: design ${node.designStatus}, tests ${node.testStatus}, code ${node.codeStatus}`}
            >
              <g className={`node tone-${toneOf(node)}${node.dirty ? ' dirty' : ''}`}>
                <rect x={node.x} y={node.y} width={NODE.width} height={NODE.height} rx={6} />
                <text x={node.x + 10} y={node.y + 18}>
                  {node.name}
                </text>
                <text x={node.x + 10} y={node.y + 35} className="small">
                  design {node.designStatus.toLowerCase()} · tests {node.testStatus.toLowerCase()} · code{' '}
                  {node.codeStatus.toLowerCase()}
                </text>
              </g>
            </a>
          ))}
        </svg>
      </div>
    </main>
  );
}
