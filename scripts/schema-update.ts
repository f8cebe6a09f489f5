import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printApiSchema } from './api-schema';

/**
 * `npm run schema:update`: writes schema.graphql from a running gateway (`npm start` first).
 * The gateway is CODEMYSPEC_URL (default http://127.0.0.1:4000); the token CODEMYSPEC_TOKEN, else
 * the admin token in CODEMYSPEC_DATA_DIR (default ./.data).
 */
async function main(): Promise<void> {
  const url = process.env.CODEMYSPEC_URL ?? 'http://127.0.0.1:4000';
  const token =
    process.env.CODEMYSPEC_TOKEN ??
    (await readFile(resolve(process.env.CODEMYSPEC_DATA_DIR ?? './.data', 'admin.token'), 'utf8')).trim();
  const file = resolve(__dirname, '..', '..', 'schema.graphql');
  await writeFile(file, await printApiSchema(url, token));
  process.stdout.write(`wrote ${file} from ${url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`schema:update failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
