import type { DocumentNode, ValueNode } from 'graphql';
import { BREAK, Kind, visit } from 'graphql';
import type { BadInput } from '@app/domain';
import { findUnstorable, MAX_INPUT_DEPTH, printableText, tooDeep, unstorableReason } from '@app/domain';

export type { BadInput } from '@app/domain';

function inVariables(variables: Record<string, unknown>): BadInput | null {
  for (const [name, value] of Object.entries(variables)) {
    const reason = unstorableReason(name);
    if (reason) return { field: `$${printableText(name)}`, message: `(a variable name) ${reason}` };
    const bad = findUnstorable(value, `$${name}`);
    if (bad) return bad;
  }
  return null;
}

function inLiteral(root: ValueNode, rootPath: string): BadInput | null {
  const stack: { node: ValueNode; path: string; depth: number }[] = [
    { node: root, path: rootPath, depth: 1 },
  ];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (node.kind === Kind.STRING) {
      const reason = unstorableReason(node.value);
      if (reason) return { field: path, message: reason };
    } else if (node.kind === Kind.LIST || node.kind === Kind.OBJECT) {
      if (depth > MAX_INPUT_DEPTH) return tooDeep(path);
      if (node.kind === Kind.LIST)
        node.values.forEach((item, index) =>
          stack.push({ node: item, path: `${path}[${index}]`, depth: depth + 1 }),
        );
      else
        for (const field of node.fields)
          stack.push({ node: field.value, path: `${path}.${field.name.value}`, depth: depth + 1 });
    }
  }
  return null;
}

/** Literals belong to the parsed document: each document is searched once. */
const literalResults = new WeakMap<DocumentNode, BadInput | null>();

function inLiterals(document: DocumentNode): BadInput | null {
  if (literalResults.has(document)) return literalResults.get(document)!;
  let found: BadInput | null = null;
  const search = (name: string, args: readonly { name: { value: string }; value: ValueNode }[]) => {
    for (const argument of args) {
      found = inLiteral(argument.value, `${name}.${argument.name.value}`);
      if (found) return true;
    }
    return false;
  };
  visit(document, {
    Field: (node) => (search(node.name.value, node.arguments ?? []) ? BREAK : undefined),
    Directive: (node) => (search(`@${node.name.value}`, node.arguments ?? []) ? BREAK : undefined),
    VariableDefinition: (node) =>
      node.defaultValue && (found = inLiteral(node.defaultValue, `$${node.variable.name.value}`))
        ? BREAK
        : undefined,
  });
  literalResults.set(document, found);
  return found;
}

/**
 * The first input the API refuses before anything runs: a string no text column can store (NUL,
 * a lone surrogate) or input nested too deeply, named as the client wrote it: `$input.title` for
 * a variable, `createStory.input.title` for a literal argument.
 */
export function findBadInput(document: DocumentNode, variables: Record<string, unknown>): BadInput | null {
  return inVariables(variables) ?? inLiterals(document);
}
