import type { DocumentNode, ValueNode } from 'graphql';
import { BREAK, Kind, visit } from 'graphql';

const NUL = '\u0000';

function inValue(value: ValueNode, path: string): string | null {
  switch (value.kind) {
    case Kind.STRING:
      return value.value.includes(NUL) ? path : null;
    case Kind.LIST:
      for (const [index, item] of value.values.entries()) {
        const found = inValue(item, `${path}[${index}]`);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of value.fields) {
        const found = inValue(field.value, `${path}.${field.name.value}`);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

function inVariable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = inVariable(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\0')}`;
      const found = inVariable(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The first input string holding a NUL character (which no text column can store), named as
 * the client wrote it: `$input.title` for a variable, `createStory.input.title` for a literal.
 */
export function findNulString(document: DocumentNode, variables: Record<string, unknown>): string | null {
  const fromVariables = inVariable(variables, '$');
  if (fromVariables) return fromVariables.replace(/^\$\./, '$');
  return inLiterals(document);
}

/** Literals belong to the parsed document: each one is searched once. */
const literalResults = new WeakMap<DocumentNode, string | null>();

function inLiterals(document: DocumentNode): string | null {
  if (literalResults.has(document)) return literalResults.get(document)!;
  let found: string | null = null;
  visit(document, {
    Field(node) {
      for (const argument of node.arguments ?? []) {
        found = inValue(argument.value, `${node.name.value}.${argument.name.value}`);
        if (found) return BREAK;
      }
      return undefined;
    },
  });
  literalResults.set(document, found);
  return found;
}
