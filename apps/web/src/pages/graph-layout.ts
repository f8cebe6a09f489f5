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

export interface PlacedNode extends GraphNode {
  readonly x: number;
  readonly y: number;
}

export interface Lane {
  readonly context: GraphNode;
  readonly y: number;
  readonly height: number;
}

export const NODE = { width: 240, height: 44, gapX: 70, gapY: 16, laneHeader: 28, left: 16 };

/**
 * The layered layout: one horizontal lane per context (its components inside it), and columns by
 * dependency layer (entry points first, on the left), so every arrow mostly points right.
 */
export function layout(nodes: readonly GraphNode[], layers: readonly (readonly string[])[]) {
  const column = new Map<string, number>();
  layers.forEach((layer, i) => layer.forEach((id) => column.set(id, i)));
  const lastColumn = layers.length;
  const contexts = nodes.filter((n) => n.parentId === null);
  const lanes: Lane[] = [];
  const placed: PlacedNode[] = [];
  let y = 8;
  for (const context of contexts) {
    const members = nodes.filter((n) => n.parentId === context.id);
    const perColumn = new Map<number, number>();
    let rows = 1;
    for (const member of members) {
      const c = column.get(member.id) ?? lastColumn;
      const row = perColumn.get(c) ?? 0;
      perColumn.set(c, row + 1);
      rows = Math.max(rows, row + 1);
      placed.push({
        ...member,
        x: NODE.left + c * (NODE.width + NODE.gapX),
        y: y + NODE.laneHeader + row * (NODE.height + NODE.gapY),
      });
    }
    const height = NODE.laneHeader + rows * (NODE.height + NODE.gapY);
    lanes.push({ context, y, height });
    y += height + 12;
  }
  const columns = Math.max(lastColumn + 1, 1);
  return { lanes, placed, width: NODE.left * 2 + columns * (NODE.width + NODE.gapX), height: y };
}

/** The colour a node gets from how far its component is. */
export function toneOf(node: GraphNode): 'green' | 'red' | 'design' | 'none' {
  if (node.codeStatus === 'GREEN') return 'green';
  if (node.testStatus === 'RED') return 'red';
  if (node.designStatus === 'ACCEPTED') return 'design';
  return 'none';
}
