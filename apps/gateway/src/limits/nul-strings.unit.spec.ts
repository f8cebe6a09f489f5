import { parse } from 'graphql';
import { findNulString } from './nul-strings';

describe('findNulString', () => {
  it('names the variable path of a NUL character', () => {
    const document = parse('mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }');
    expect(findNulString(document, { i: { title: 'ok', tags: ['a', 'b\u0000'] } })).toBe('$i.tags[1]');
    expect(findNulString(document, { i: { title: 'a\u0000b' } })).toBe('$i.title');
    expect(findNulString(document, { i: { title: 'fine', description: 'ünïcödé' } })).toBeNull();
  });

  it('names the argument path of a NUL character in a literal', () => {
    const document = parse('mutation { createStory(input: { title: "x\\u0000", tags: [] }) { id } }');
    expect(findNulString(document, {})).toBe('createStory.input.title');
    expect(findNulString(parse('{ stories(projectId: "p", search: "\\u0000") { totalCount } }'), {})).toBe(
      'stories.search',
    );
    expect(
      findNulString(parse('{ stories(projectId: "p", search: "\\u0001") { totalCount } }'), {}),
    ).toBeNull();
  });
});
