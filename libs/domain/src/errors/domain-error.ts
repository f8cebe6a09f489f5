/**
 * The error codes a client can see (`extensions.code` in GraphQL). Domain code raises
 * `DomainError`s; resolvers map them to GraphQL errors at the edge.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'DEPENDENCY_CYCLE'
  | 'DESIGN_INVALID'
  | 'LLM_NOT_CONFIGURED'
  | 'SANDBOX_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'QUERY_TOO_COMPLEX'
  | 'UNAVAILABLE'
  | 'LLM_ERROR'
  | 'INTERNAL';

/** Every code a client can see, in one list (GraphQL errors, MCP tool errors, service-to-service calls). */
export const ERROR_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'DEPENDENCY_CYCLE',
  'DESIGN_INVALID',
  'LLM_NOT_CONFIGURED',
  'SANDBOX_UNAVAILABLE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'QUERY_TOO_COMPLEX',
  'UNAVAILABLE',
  'LLM_ERROR',
  'INTERNAL',
];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found`, { id });
  }
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super('BAD_USER_INPUT', message, { details: problems });
  }
}

/** Every write to an archived project, in every service, is refused with this (FORBIDDEN). */
export class ProjectArchivedError extends DomainError {
  constructor(projectId: string) {
    super('FORBIDDEN', `project ${projectId} is archived: unarchive it (unarchiveProject) to change it`, {
      id: projectId,
    });
  }
}
