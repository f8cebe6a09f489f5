import type { GraphComponent, GraphDependency } from './dependency-graph';
import { compareComponents, isContext, sortComponents } from './dependency-graph';

/**
 * A mermaid node id for a component id: `c_` followed by the id with every character other than
 * an ASCII letter or digit written as `_<hex code>_`. The mapping is one-to-one (so two ids never
 * share a node), and the prefix keeps ids such as `end` or `graph` from reading as keywords.
 */
export function mermaidId(id: string): string {
  let out = 'c_';
  for (const char of id)
    out += /^[A-Za-z0-9]$/.test(char) ? char : `_${(char.codePointAt(0) as number).toString(16)}_`;
  return out;
}

const LABEL_ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#60;',
  '>': '#62;',
  '&': '#38;',
  '`': '#96;',
};

/**
 * A label to put between `["` and `"]`: `#`, `"`, `<`, `>`, `&` and backticks as mermaid entity
 * codes (`#35;`, `#quot;`, `#60;`, `#62;`, `#38;`, `#96;`), line breaks as spaces.
 */
export function mermaidLabel(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(/[#"<>&`]/g, (char) => LABEL_ENTITIES[char]);
}

/**
 * The architecture as a mermaid `flowchart TD`:
 *
 * - one `subgraph id ["name"]` per context (kind `context` or `coordination_context`), holding the components
 *   whose nearest context ancestor (through `parentId`) it is; contexts inside contexts nest;
 * - the other components as `id["name"]` nodes, at the top level when no context holds them;
 * - one `a --> b` edge per distinct dependency between known components (an edge may end at a
 *   subgraph, for a dependency on or of a context).
 *
 * Everything is sorted by name then id (edges by their source, then their target), so equal
 * inputs give equal text whatever their order. Indentation is two spaces per level.
 */
export function architectureMermaid(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
): string {
  const byId = new Map(components.map((c) => [c.id, c]));

  /** The nearest context among the strict ancestors, or null; parent cycles in bad data stop. */
  const containerOf = (component: GraphComponent): string | null => {
    const seen = new Set([component.id]);
    for (let id = component.parentId; id !== null && !seen.has(id);) {
      seen.add(id);
      const parent = byId.get(id);
      if (!parent) return null;
      if (isContext(parent)) return parent.id;
      id = parent.parentId;
    }
    return null;
  };

  const members = new Map<string | null, GraphComponent[]>();
  for (const component of sortComponents(components)) {
    const container = containerOf(component);
    const list = members.get(container) ?? [];
    list.push(component);
    members.set(container, list);
  }

  const lines = ['flowchart TD'];
  const emit = (container: string | null, depth: number, visiting: Set<string>): void => {
    const indent = '  '.repeat(depth);
    for (const component of members.get(container) ?? []) {
      if (!isContext(component)) {
        lines.push(`${indent}${mermaidId(component.id)}["${mermaidLabel(component.name)}"]`);
        continue;
      }
      if (visiting.has(component.id)) continue;
      lines.push(`${indent}subgraph ${mermaidId(component.id)} ["${mermaidLabel(component.name)}"]`);
      emit(component.id, depth + 1, new Set([...visiting, component.id]));
      lines.push(`${indent}end`);
    }
  };
  emit(null, 1, new Set());

  const seen = new Set<string>();
  const edges: [GraphComponent, GraphComponent][] = [];
  for (const { fromId, toId } of deps) {
    const from = byId.get(fromId);
    const to = byId.get(toId);
    const key = JSON.stringify([fromId, toId]);
    if (!from || !to || seen.has(key)) continue;
    seen.add(key);
    edges.push([from, to]);
  }
  edges.sort(([a1, b1], [a2, b2]) => compareComponents(a1, a2) || compareComponents(b1, b2));
  for (const [from, to] of edges) lines.push(`  ${mermaidId(from.id)} --> ${mermaidId(to.id)}`);
  return `${lines.join('\n')}\n`;
}
