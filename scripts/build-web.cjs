// Builds the browser apps (apps/explorer: the GraphQL explorer; apps/web: the console) with Vite
// into dist/<app>, each only when its built copy is older than its sources or the lockfile, so
// `npm run build` stays fast when nothing changed.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = resolve(__dirname, '..');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

for (const app of ['explorer', 'web']) {
  const built = join(root, 'dist', app, 'index.html');
  const sources = Math.max(
    newest(join(root, 'apps', app)),
    newest(join(root, 'libs', 'client')),
    newest(join(root, 'package-lock.json')),
  );
  if (existsSync(built) && statSync(built).mtimeMs > sources) continue;
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(root, 'apps', app, 'vite.config.mts'),
    ],
    { stdio: 'inherit', cwd: root },
  );
}
