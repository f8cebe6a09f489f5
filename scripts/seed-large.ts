import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LARGE_PROJECT } from '../bench/large-project/large-project-shape';
import { SeedClient } from '../bench/large-project/seed-client';
import { seedLargeProject } from '../bench/large-project/seed-large-project';

/**
 * `npm run seed:large`: a big project (2,000 stories, 6,000 criteria, 60 contexts, 500 components,
 * 1,500 dependencies, 3 designs each, 50,000 events) written into a running system through its API.
 * The gateway is CODEMYSPEC_URL (default http://127.0.0.1:4000); the token CODEMYSPEC_TOKEN, else
 * the admin token in CODEMYSPEC_DATA_DIR (default ./.data). About 45,000 writes: at the default
 * rate limit (50 a second per token) that takes about a quarter of an hour.
 */
async function main(): Promise<void> {
  const url = (process.env.CODEMYSPEC_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
  const token =
    process.env.CODEMYSPEC_TOKEN ??
    (await readFile(resolve(process.env.CODEMYSPEC_DATA_DIR ?? './.data', 'admin.token'), 'utf8')).trim();
  const seeded = await seedLargeProject(new SeedClient(url, token), LARGE_PROJECT, (line) =>
    process.stderr.write(`[seed:large] ${line}\n`),
  );
  process.stdout.write(
    `project ${seeded.projectId}: ${LARGE_PROJECT.stories} stories, ${LARGE_PROJECT.components} components, ` +
      `${seeded.events} events; ${seeded.writes} writes in ${(seeded.elapsedMs / 1000).toFixed(0)} s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:large failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
