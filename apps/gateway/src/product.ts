import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The product's folder: the nearest one up from here (sources or dist) whose package.json is ours. */
export function productRoot(): string | null {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string };
    if (pkg.name === 'codemyspec') return dir;
  }
  return null;
}

/** The product version, from that package.json. */
export function productVersion(): string {
  const root = productRoot();
  if (!root) return '0.0.0';
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
