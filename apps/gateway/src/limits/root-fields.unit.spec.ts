import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { rootFieldCount } from './root-fields';

function count(source: string): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  return rootFieldCount(document, operation);
}

describe('rootFieldCount', () => {
  it('counts aliased root fields, through fragments and inline fragments', () => {
    expect(count('mutation { createStory(input: {}) { id } }')).toBe(1);
    expect(
      count(
        `mutation { ${Array.from({ length: 200 }, (_, i) => `a${i}: createStory(input: {}) { id }`).join(' ')} }`,
      ),
    ).toBe(200);
    expect(
      count(
        'mutation { ...W ... on Mutation { c: deleteStory(id: 1) } } fragment W on Mutation { a: deleteStory(id: 2) b: deleteStory(id: 3) }',
      ),
    ).toBe(3);
    expect(count('{ __typename stories { id } }')).toBe(1);
  });

  it('counts a doubling fragment chain without expanding it', () => {
    const fragments = ['fragment F0 on Mutation { a: deleteStory(id: 1) }'];
    for (let i = 1; i <= 30; i += 1)
      fragments.push(`fragment F${i} on Mutation { ...F${i - 1} ...F${i - 1} }`);
    expect(count(`mutation { ...F30 } ${fragments.join(' ')}`)).toBe(2 ** 30);
  });
});
