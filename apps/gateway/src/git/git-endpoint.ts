import { request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canRead, isUuid } from '@app/domain';
import { IDENTITY_HEADER } from '@app/platform';
import type { Authenticator } from '../auth/authenticator';
import { AuthRateLimitedError } from '../auth/authenticator';
import type { IdentitySigner } from '../federation/identity-signer';
import type { GitAdmission } from './git-admission';
import { GitBusyError } from './git-admission';

const ROUTE = /^\/([^/]+)\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/;
const READ_ONLY =
  'this repository is read-only: CodeMySpec commits every accepted design, red test set, green code and story change itself; change the project through the API';

function plain(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${message}\n`);
}

/** `Bearer <token>`, or the password of `Basic` credentials (any user name), as a bearer token. */
export function bearerOf(authorization: string | undefined): string | undefined {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!basic) return authorization;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : `Bearer ${decoded.slice(colon + 1)}`;
}

/**
 * `/git/<projectId>.git`: the project's git record over smart HTTP, read-only. The token comes as
 * a bearer header (`git -c http.extraHeader="Authorization: Bearer …"`) or as a Basic password with
 * any user name (credential helpers). No or a bad token: 401 with `WWW-Authenticate`; a project the
 * token cannot read: 404, as an unknown one; a push: 403 saying why. The rest is streamed to the
 * sessions service, which keeps the repositories, with the caller's identity signed when the
 * request leaves the admission queue (too many at once: 503 with Retry-After, never a 401 for a
 * valid token).
 */
export function gitEndpoint(options: {
  authenticator: Pick<Authenticator, 'authenticate'>;
  signer: IdentitySigner;
  sessionsUrl: string;
  admission: GitAdmission;
}) {
  const upstream = new URL(options.sessionsUrl);
  return (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://gateway');
      let identity;
      try {
        identity = await options.authenticator.authenticate(
          bearerOf(req.headers.authorization),
          req.socket.remoteAddress,
        );
      } catch (error) {
        if (error instanceof AuthRateLimitedError) {
          plain(res, 429, error.message, { 'retry-after': String(error.retryAfterSeconds) });
          return;
        }
        plain(
          res,
          401,
          `${(error as Error).message} (git: -c http.extraHeader="Authorization: Bearer <token>")`,
          {
            'www-authenticate': 'Basic realm="CodeMySpec"',
          },
        );
        return;
      }
      const route = ROUTE.exec(url.pathname);
      const projectId = route?.[1] ?? '';
      if (!route || !isUuid(projectId) || !canRead(identity, projectId)) {
        plain(res, 404, `repository not found: ${url.pathname}`);
        return;
      }
      const service = route[2] === 'info/refs' ? url.searchParams.get('service') : route[2];
      if (service === 'git-receive-pack') {
        plain(res, 403, READ_ONLY);
        return;
      }
      const method = route[2] === 'info/refs' ? 'GET' : 'POST';
      if (req.method !== method || service !== 'git-upload-pack') {
        plain(res, 400, 'expected GET info/refs?service=git-upload-pack or POST git-upload-pack');
        return;
      }
      let release: () => void;
      try {
        release = await options.admission.admit();
      } catch (error) {
        if (!(error instanceof GitBusyError)) throw error;
        plain(res, 503, error.message, { 'retry-after': String(error.retryAfterSeconds) });
        return;
      }
      res.on('close', release);
      // Signed now, not on arrival: the identity is fresh however long the request waited.
      const headers = { [IDENTITY_HEADER]: options.signer.sign(identity) };
      proxy(req, res, { upstream, method, path: `/git/${projectId}.git/${route[2]}${url.search}`, headers });
    })().catch(() => {
      if (!res.headersSent) plain(res, 500, 'INTERNAL: the git request failed');
    });
  };
}

/** Streams the exchange to the sessions service (503 with Retry-After when it cannot be reached). */
function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  to: { upstream: URL; method: string; path: string; headers: Record<string, string> },
): void {
  const forwarded = { ...to.headers };
  for (const name of ['content-type', 'content-encoding', 'git-protocol', 'accept'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  const proxied = httpRequest(
    {
      host: to.upstream.hostname,
      port: to.upstream.port,
      method: to.method,
      path: to.path,
      headers: forwarded,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, {
        'content-type': answer.headers['content-type'] ?? 'application/octet-stream',
        'cache-control': 'no-cache, max-age=0, must-revalidate',
      });
      answer.pipe(res);
    },
  );
  proxied.on('error', () => {
    if (!res.headersSent)
      plain(res, 503, 'the git record is not reachable right now; try again', { 'retry-after': '2' });
    else res.destroy();
  });
  res.on('close', () => proxied.destroy());
  if (to.method === 'POST') req.pipe(proxied);
  else proxied.end();
}
