import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/**
 * How many lexical tokens a document has, counting no further than `max + 1`: so a document of a
 * million fields costs as little to refuse as one just over the limit. A document that does not
 * even lex is left to the parser, which names the syntax error.
 */
export function countTokensUpTo(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // a syntax error: the parser reports it
  }
  return count;
}

/** The refusal of a document over the token limit: `QUERY_TOO_COMPLEX` with `limit: "tokens"`. */
export function tooManyTokens(max: number): GraphQLError {
  return new GraphQLError(`the query has more than ${max} tokens; at most ${max} are allowed`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, limit: 'tokens', value: max + 1, max },
  });
}

/** The refusal of a document longer than the limit: `QUERY_TOO_COMPLEX` with `limit: "length"`. */
export function documentTooLong(length: number, max: number): GraphQLError {
  return new GraphQLError(
    `the query is ${length} characters long; at most ${max} are allowed (send large values as variables)`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, limit: 'length', value: length, max } },
  );
}

/** Null when the document is within the limit, else the refusal. */
export function tokenLimitError(source: string, max: number): GraphQLError | null {
  return countTokensUpTo(source, max) > max ? tooManyTokens(max) : null;
}

/** graphql-js's own refusal when `parse(…, { maxTokens })` passes the limit (its wording, typo included). */
const PARSER_TOKEN_LIMIT = /^Syntax Error: Document contains more th[ae]t (\d+) tokens\. Parsing aborted\.$/;

/**
 * The limit a parse error reports, when it is graphql-js's token limit: Apollo Server parses with
 * `parseOptions: { maxTokens }`, so a document over the limit costs no more than the limit to
 * refuse, and the refusal is reported as QUERY_TOO_COMPLEX instead of a syntax error.
 */
export function tokenLimitOfParseError(message: string): number | null {
  const match = PARSER_TOKEN_LIMIT.exec(message);
  return match ? Number(match[1]) : null;
}
