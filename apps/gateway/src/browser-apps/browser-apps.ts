import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** A browser opening the API itself (GET /graphql asking for HTML) is sent to the explorer. */
export function wantsExplorer(req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', 'http://gateway');
  return (
    req.method === 'GET' &&
    (req.headers.accept ?? '').includes('text/html') &&
    !url.searchParams.has('query') &&
    req.headers.upgrade === undefined
  );
}

/** Hashed assets for a year, pages revalidated. */
function cacheHeaders(assets: string) {
  return (res: ServerResponse, path: string) =>
    res.setHeader(
      'cache-control',
      path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
}

/**
 * The web console at `/` (dist/web, built by Vite from apps/web): static files only, every API
 * call it makes goes through /graphql with the user's token. Other paths (/graphql, /mcp, /git,
 * /health, /explorer) are not shadowed: a file that does not exist falls through.
 */
export function mountConsole(app: NestExpressApplication, root: string | null): void {
  const dir = root ? join(root, 'dist', 'web') : null;
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    app.use('/', (req: IncomingMessage, res: ServerResponse, next: () => void) => {
      if (req.method !== 'GET' || req.url !== '/') return next();
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('the web console is not built: run "npm run build" in the CodeMySpec folder\n');
    });
    return;
  }
  app.useStaticAssets(dir, {
    prefix: '/',
    index: 'index.html',
    setHeaders: cacheHeaders(join(dir, 'assets')),
  });
}

/**
 * The GraphQL explorer (GraphiQL, bundled: no CDN) at `/explorer/`, and `GET /graphql` from a
 * browser redirected there. Hashed assets are cached for a year; the page itself is revalidated.
 * Without a built explorer (`npm run build` makes it) the page says how to build it.
 */
export function mountExplorer(app: NestExpressApplication, root: string | null): void {
  const dir = root ? join(root, 'dist', 'explorer') : null;
  app.use('/graphql', (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!wantsExplorer(req)) return next();
    res.writeHead(302, { location: '/explorer/' }).end();
  });
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    app.use('/explorer', (_req: IncomingMessage, res: ServerResponse) => {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('the GraphQL explorer is not built: run "npm run build" in the CodeMySpec folder\n');
    });
    return;
  }
  app.useStaticAssets(dir, {
    prefix: '/explorer/',
    index: 'index.html',
    setHeaders: cacheHeaders(join(dir, 'assets')),
  });
}
