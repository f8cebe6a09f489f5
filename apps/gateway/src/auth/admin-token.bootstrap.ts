import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { SqlExecutor } from '@app/platform';
import { findTokenBySecret, insertToken, newToken } from './api-tokens';

export const ADMIN_TOKEN_ID = '00000000-0000-4000-8000-000000000001';

/**
 * The admin token: `CODEMYSPEC_ADMIN_TOKEN` when set (compose files, CI); otherwise created on the
 * first start, written to `<data dir>/admin.token` (0600) and printed once. Only its hash is stored.
 */
export async function bootstrapAdminToken(
  sql: SqlExecutor,
  options: { explicit?: string; dataDir: string; announce: (message: string) => void },
): Promise<void> {
  if (options.explicit) {
    if (options.explicit.length < 24)
      throw new Error('CODEMYSPEC_ADMIN_TOKEN must be at least 24 characters');
    if (!(await findTokenBySecret(sql, options.explicit))) {
      await sql.query(`DELETE FROM api_tokens WHERE id = $1`, [ADMIN_TOKEN_ID]);
      await insertToken(sql, {
        id: ADMIN_TOKEN_ID,
        name: 'admin',
        projectId: null,
        role: 'ADMIN',
        secret: options.explicit,
      });
    }
    return;
  }
  const file = resolve(options.dataDir, 'admin.token');
  const { rows } = await sql.query(`SELECT 1 FROM api_tokens WHERE id = $1`, [ADMIN_TOKEN_ID]);
  if (rows.length > 0 && existsSync(file)) {
    options.announce(`admin token: in ${file}`);
    return;
  }
  const secret = existsSync(file) ? (await readFile(file, 'utf8')).trim() : newToken();
  await sql.query(`DELETE FROM api_tokens WHERE id = $1`, [ADMIN_TOKEN_ID]);
  await insertToken(sql, { id: ADMIN_TOKEN_ID, name: 'admin', projectId: null, role: 'ADMIN', secret });
  if (!existsSync(file)) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    options.announce(`admin token created (shown once): ${secret}\n  also saved to ${file} (mode 0600)`);
  } else {
    options.announce(`admin token: in ${file}`);
  }
}
