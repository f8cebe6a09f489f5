import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';
import { fragmentMemo } from './fragment-memo';

/**
 * How many root fields an operation selects, fragments and inline fragments expanded:
 * `mutation { a: createStory(…) b: createStory(…) }` is two writes. Each fragment is counted once
 * and reused (a fragment that spreads another twice costs no more time than it takes to read).
 */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const count = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += selection.name.value.startsWith('__') ? 0 : 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet);
      else total += countFragment(selection.name.value);
    }
    return total;
  };
  const countFragment = fragmentMemo(document, 0, count);
  return count(operation.selectionSet);
}
