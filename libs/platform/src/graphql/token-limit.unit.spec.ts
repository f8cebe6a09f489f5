import { parse } from 'graphql';
import { countTokensUpTo, tokenLimitError, tokenLimitOfParseError } from './token-limit';

describe('token limit', () => {
  it('counts the tokens of a document, punctuation included, comments not', () => {
    expect(countTokensUpTo('{ me { actor } }', 100)).toBe(6);
    expect(countTokensUpTo('# a comment\n{ me { actor } }', 100)).toBe(6);
    expect(countTokensUpTo('query($id: ID!) { story(id: $id) { id } }', 100)).toBe(20);
  });

  it('stops counting one past the limit, whatever the size of the document', () => {
    const flat = `{ ${'me { actor } '.repeat(100_000)}}`;
    const started = performance.now();
    expect(countTokensUpTo(flat, 2_000)).toBe(2_001);
    // Lexing 2,001 tokens of a 1.3 MB document, not the whole of it.
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('leaves a document that does not lex to the parser', () => {
    expect(countTokensUpTo('{ me { "unterminated', 100)).toBe(3);
  });

  it('refuses over the limit as QUERY_TOO_COMPLEX with limit "tokens"', () => {
    expect(tokenLimitError('{ me { actor } }', 6)).toBeNull();
    expect(tokenLimitError('{ me { actor } }', 5)?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      http: { status: 400 },
      limit: 'tokens',
      value: 6,
      max: 5,
    });
  });

  it("recognises graphql-js's own token-limit refusal, and nothing else", () => {
    let message = '';
    try {
      parse(`{ ${'me { actor } '.repeat(10)}}`, { maxTokens: 10 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(tokenLimitOfParseError(message)).toBe(10);
    expect(tokenLimitOfParseError('Syntax Error: Expected Name, found "}".')).toBeNull();
  });
});
