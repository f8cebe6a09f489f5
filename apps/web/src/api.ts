import { apiTokenIn, postGraphql } from '@app/client/browser-api';

const apiToken = apiTokenIn(sessionStorage);
export const savedToken = apiToken.saved;
export const saveToken = apiToken.save;
export const forgetToken = apiToken.forget;

/** POST /graphql with the saved token; any error becomes an ApiError a page shows in words. */
export function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return postGraphql<T>(query, variables, savedToken());
}

export interface Viewer {
  readonly actor: string;
  readonly role: 'VIEWER' | 'EDITOR' | 'ADMIN';
  readonly projectId: string | null;
}

export const canEdit = (viewer: Viewer) => viewer.role !== 'VIEWER';
