import { DomainError } from '../errors/domain-error';

export const ROLES = ['ADMIN', 'EDITOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, as the gateway authenticated it. A token belongs to one project; only the
 * bootstrap admin token has `projectId: null`, which means every project.
 */
export interface Identity {
  /** The API token's id (or `admin` for the bootstrap token, `system` for the gateway itself). */
  readonly subject: string;
  readonly role: Role;
  readonly projectId: string | null;
  /** Human-readable actor recorded in event metadata. */
  readonly actor: string;
}

export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** Reading a project: the admin token, or any token of that project. */
export function canRead(identity: Identity, projectId: string): boolean {
  return identity.projectId === null || identity.projectId === projectId;
}

/** Changing a project: as for reading, and not a VIEWER. */
export function canWrite(identity: Identity, projectId: string): boolean {
  return canRead(identity, projectId) && identity.role !== 'VIEWER';
}

/** What a caller asked for by id: named in a NOT_FOUND exactly as the caller named it. */
export interface Subject {
  readonly what: string;
  readonly id: string;
}

/**
 * Throws when the identity may not act on the project. A project of another token is reported as
 * NOT_FOUND naming only what the caller asked for (`subject`, the project itself by default), so
 * that a token learns nothing it could not learn from a random id: not even the project's id.
 */
export function authorize(
  identity: Identity,
  projectId: string,
  access: 'read' | 'write',
  subject: Subject = { what: 'project', id: projectId },
): void {
  if (!canRead(identity, projectId))
    throw new DomainError('NOT_FOUND', `${subject.what} ${subject.id} was not found`, { id: subject.id });
  if (access === 'write' && !canWrite(identity, projectId))
    throw new ForbiddenError('a VIEWER token cannot change anything');
}

/** Only the bootstrap admin (no project) may do system-wide things such as creating projects. */
export function authorizeSystemAdmin(identity: Identity): void {
  if (identity.projectId !== null || identity.role !== 'ADMIN')
    throw new ForbiddenError('only the admin token may do this');
}
