// Builds the GraphQL explorer (apps/explorer, Vite) into dist/explorer, unless the built copy is
// newer than every source file and the lockfile: `npm run build` stays fast when nothing changed.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = resolve(__dirname, '..');
const built = join(root, 'dist', 'explorer', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const sources = Math.max(newest(join(root, 'apps', 'explorer')), newest(join(root, 'package-lock.json')));
if (existsSync(built) && statSync(built).mtimeMs > sources) process.exit(0);
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    join(root, 'apps', 'explorer', 'vite.config.mts'),
  ],
  { stdio: 'inherit', cwd: root },
);
