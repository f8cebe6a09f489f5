import { apiTokenIn, postGraphql } from '@app/client/browser-api';

const apiToken = apiTokenIn(sessionStorage);
export const savedToken = apiToken.saved;
export const saveToken = apiToken.save;
export const forgetToken = apiToken.forget;

export interface Viewer {
  readonly actor: string;
  readonly role: string;
}

/** Who the token is, or the API's own message when it is refused. */
export async function whoIs(token: string): Promise<Viewer> {
  return (await postGraphql<{ me: Viewer }>('{ me { actor role } }', {}, token)).me;
}
