/** The token lives in this tab's session storage only: closing the tab forgets it. */
const KEY = 'codemyspec.apiToken';

export const savedToken = (): string | null => sessionStorage.getItem(KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);

export interface Viewer {
  readonly actor: string;
  readonly role: string;
}

/** Who the token is, or the API's own message when it is refused. */
export async function whoIs(token: string): Promise<Viewer> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { actor role } }' }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: { me: Viewer };
    errors?: { message: string }[];
  };
  if (body.data?.me) return body.data.me;
  throw new Error(body.errors?.[0]?.message ?? `the gateway answered HTTP ${response.status}`);
}
