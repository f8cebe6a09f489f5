import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

/**
 * Folds each named fragment of a document once, however often it is spread: `fold` measures a
 * selection set (calling back for the spreads inside it), and the result per fragment is kept.
 * An unknown or cyclic fragment (refused by validation anyway) gives `empty`. This is what keeps
 * a document of fragments that each spread the previous one twice linear instead of exponential.
 */
export function fragmentMemo<T>(
  document: DocumentNode,
  empty: T,
  fold: (set: SelectionSetNode) => T,
): (name: string) => T {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const done = new Map<string, T>();
  const inProgress = new Set<string>();
  return (name) => {
    if (done.has(name)) return done.get(name)!;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return empty;
    inProgress.add(name);
    const result = fold(fragment.selectionSet);
    inProgress.delete(name);
    done.set(name, result);
    return result;
  };
}
