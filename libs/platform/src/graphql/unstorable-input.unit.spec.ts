import { parse } from 'graphql';
import { MAX_INPUT_DEPTH } from '@app/domain';
import { findBadInput } from './unstorable-input';

const CREATE = parse('mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }');

describe('findBadInput', () => {
  it('names the variable path of a NUL character or a lone surrogate', () => {
    expect(findBadInput(CREATE, { i: { title: 'ok', tags: ['a', 'b\u0000'] } })).toEqual({
      field: '$i.tags[1]',
      message: 'must not contain a NUL character (U+0000)',
    });
    expect(findBadInput(CREATE, { i: { title: 'a\ud800b' } })?.field).toBe('$i.title');
    expect(findBadInput(CREATE, { i: { title: 'end\udc00' } })?.message).toContain('lone UTF-16 surrogate');
    expect(findBadInput(CREATE, { i: { title: 'fine 😀', description: 'ünïcödé' } })).toBeNull();
  });

  it('names a bad object key, escaped so that the message itself can be stored', () => {
    expect(findBadInput(CREATE, { i: { 'x\u0000y': 1 } })?.field).toBe('$i.x\\u0000y');
  });

  it('names the argument path of a bad literal, in fields, directives and variable defaults', () => {
    const literal = parse('mutation { createStory(input: { title: "x\\u0000", tags: [] }) { id } }');
    expect(findBadInput(literal, {})?.field).toBe('createStory.input.title');
    expect(findBadInput(parse('{ stories(projectId: "p", search: "\\u0000") { totalCount } }'), {})).toEqual(
      expect.objectContaining({ field: 'stories.search' }),
    );
    // A lone surrogate cannot even be written in a literal: graphql-js refuses it while parsing.
    expect(() => parse('{ stories(projectId: "p", search: "\\ud800") { totalCount } }')).toThrow(/Unicode/);
    expect(findBadInput(parse('query($s: String = "\\u0000") { me { actor } }'), {})?.field).toBe('$s');
    expect(findBadInput(parse('{ me @include(if: true) { actor } }'), {})).toBeNull();
    expect(
      findBadInput(parse('{ stories(projectId: "p", search: "\\u0001") { totalCount } }'), {}),
    ).toBeNull();
  });

  it('refuses variables nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const bad = findBadInput(CREATE, { i: { tags: deep } });
    expect(bad?.message).toBe(`is nested more than ${MAX_INPUT_DEPTH} levels deep`);
    expect(bad?.field.startsWith('$i.tags[0]')).toBe(true);
    let object: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i += 1) object = { a: object };
    expect(findBadInput(CREATE, { i: object })?.message).toContain('nested');
  });

  it('takes input nested as deep as the limit', () => {
    let value: unknown = 'ok';
    for (let i = 0; i < MAX_INPUT_DEPTH - 2; i += 1) value = [value];
    expect(findBadInput(CREATE, { i: { tags: value } })).toBeNull();
  });
});
