import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ERROR_CODES } from '@app/domain';
import type { ErrorCode } from '@app/domain';
import { tokenLimitOfParseError, tooManyTokens } from './token-limit';

const logger = new Logger('GraphQL');

const PASS_THROUGH: ReadonlySet<string> = new Set<string>(ERROR_CODES);

const REQUEST_ERRORS: Readonly<Record<string, ErrorCode>> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
};

/** graphql-js stops comparing overlapping fields past a fixed amount of work, with these words. */
const VALIDATION_BUDGET_SPENT = 'Validation aborted.';

function unwrap(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof GraphQLError && current.originalError; depth++)
    current = current.originalError;
  return current;
}

/**
 * Every error a client sees carries one of the codes of the public contract in
 * `extensions.code`, and never a stack trace. Domain errors keep their message and details;
 * anything unexpected becomes INTERNAL with a generic message (and is logged here).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const tokenLimit = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitOfParseError(formatted.message) : null;
  if (tokenLimit !== null) {
    const { message, extensions } = tooManyTokens(tokenLimit);
    const { http: _http, ...visible } = extensions;
    return { message, locations: formatted.locations, extensions: visible };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === VALIDATION_BUDGET_SPENT)
    return {
      message: 'the query is too costly to validate (many fields of the same name to compare)',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'validation' },
    };
  if (code && REQUEST_ERRORS[code]) return { ...base, extensions: { code: REQUEST_ERRORS[code] } };
  if (code && PASS_THROUGH.has(code)) {
    const { stacktrace: _stacktrace, exception: _exception, ...rest } = formatted.extensions ?? {};
    return { ...base, extensions: { ...rest, code } };
  }
  if (original instanceof GraphQLError && !original.originalError && !code) {
    // An error raised by graphql-js itself while validating variables or arguments.
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const httpStatus = httpStatusOf(original);
  if (httpStatus === 401) return { ...base, extensions: { code: 'UNAUTHENTICATED' } };
  if (httpStatus === 403) return { ...base, extensions: { code: 'FORBIDDEN' } };
  if (httpStatus === 404) return { ...base, extensions: { code: 'NOT_FOUND' } };
  if (httpStatus === 400) return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL' },
  };
}

function httpStatusOf(error: unknown): number | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    'getStatus' in error &&
    typeof error.getStatus === 'function'
  ) {
    const status: unknown = (error.getStatus as () => unknown)();
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}
