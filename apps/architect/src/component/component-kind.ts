/** What a component is. Contexts (domain or coordination) group the other components as their children. */
export const COMPONENT_KINDS = [
  'context',
  'coordination_context',
  'schema',
  'repository',
  'module',
  'ui',
  'task',
  'other',
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export const CONTEXT_KINDS = ['context', 'coordination_context'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export function isComponentKind(value: string): value is ComponentKind {
  return (COMPONENT_KINDS as readonly string[]).includes(value);
}

/** A bounded context, domain (`context`) or coordination (`coordination_context`). */
export function isContextKind(kind: ComponentKind): kind is ContextKind {
  return (CONTEXT_KINDS as readonly string[]).includes(kind);
}
