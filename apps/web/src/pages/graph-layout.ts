import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

/** A component as the architecture page draws it. */
export interface GraphNode {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly parentId: string | null;
  readonly designStatus: string;
  readonly testStatus: string;
  readonly codeStatus: string;
  readonly dirty: boolean;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A context drawn as a box around its components. */
export interface PlacedContext extends Box {
  readonly node: GraphNode;
}

export interface PlacedNode extends Box {
  readonly node: GraphNode;
}

/** A dependency drawn as an orthogonal polyline, from the dependent to what it depends on. */
export interface PlacedEdge {
  readonly id: string;
  readonly points: readonly { x: number; y: number }[];
}

export interface GraphLayout {
  readonly contexts: readonly PlacedContext[];
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

export const NODE = { width: 250, height: 44 };
const CONTEXT_HEADER = 30;

/** Layered left to right, contexts as boxes around their components, edges routed around boxes. */
const LAYOUT: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeNode': '14',
  // Network simplex places nodes more neatly but took 45 s for 120 components; Brandes-Köpf
  // lays out 500 components, 60 contexts and 1,500 dependencies in about 6 s.
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Every coordinate relative to the whole graph, so nothing has to be added up afterwards.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

const isContextType = (type: string) => type === 'context' || type === 'coordination_context';

/**
 * The ELK graph of an architecture: each context a compound node holding its components (a
 * header left for its name), every other component a node, each dependency an edge. Edges whose
 * ends are not drawn are left out.
 */
export function elkGraph(
  nodes: readonly GraphNode[],
  dependencies: readonly { from: string; to: string }[],
): ElkNode {
  const contexts = nodes.filter((n) => isContextType(n.type));
  const contextIds = new Set(contexts.map((c) => c.id));
  const leaf = (node: GraphNode): ElkNode => ({ id: node.id, width: NODE.width, height: NODE.height });
  const children: ElkNode[] = [
    ...contexts.map((context) => ({
      id: context.id,
      layoutOptions: { 'elk.padding': `[top=${CONTEXT_HEADER + 8},left=12,bottom=12,right=12]` },
      // An empty context still gets room for its name.
      width: NODE.width,
      height: CONTEXT_HEADER + 20,
      children: nodes.filter((n) => n.parentId === context.id && !isContextType(n.type)).map(leaf),
    })),
    ...nodes.filter((n) => !isContextType(n.type) && !(n.parentId && contextIds.has(n.parentId))).map(leaf),
  ];
  const drawn = new Set(nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = dependencies
    .filter((d) => drawn.has(d.from) && drawn.has(d.to))
    .map((d) => ({ id: `${d.from}>${d.to}`, sources: [d.from], targets: [d.to] }));
  // Fewer sweeps over a big graph: the layout stays within seconds (ELK's default is 7).
  const thoroughness = nodes.length > 100 ? '1' : '7';
  return {
    id: 'root',
    layoutOptions: { ...LAYOUT, 'elk.layered.thoroughness': thoroughness },
    children,
    edges,
  };
}

/** What ELK returned, as boxes and polylines in the graph's own coordinates. */
export function placed(nodes: readonly GraphNode[], laid: ElkNode): GraphLayout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const contexts: PlacedContext[] = [];
  const leaves: PlacedNode[] = [];
  const box = (n: ElkNode): Box => ({ x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
  for (const child of laid.children ?? []) {
    const node = byId.get(child.id);
    if (!node) continue;
    if (isContextType(node.type)) {
      contexts.push({ node, ...box(child) });
      for (const member of child.children ?? []) {
        const inner = byId.get(member.id);
        if (inner) leaves.push({ node: inner, ...box(member) });
      }
    } else leaves.push({ node, ...box(child) });
  }
  const edges = (laid.edges ?? []).flatMap((edge) =>
    (edge.sections ?? []).map((section) => ({
      id: `${edge.id}#${section.id}`,
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
    })),
  );
  return { contexts, nodes: leaves, edges, width: laid.width ?? 0, height: laid.height ?? 0 };
}

/** The colour a node gets from how far its component is. */
export function toneOf(node: GraphNode): 'green' | 'red' | 'design' | 'none' {
  if (node.codeStatus === 'GREEN') return 'green';
  if (node.testStatus === 'RED') return 'red';
  if (node.designStatus === 'ACCEPTED') return 'design';
  return 'none';
}
