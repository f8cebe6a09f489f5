import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Identity, Role } from '@app/domain';
import type { SqlExecutor } from '@app/platform';

/** Tokens look like `cms_<43 base64url chars>`: 256 random bits, recognisable in logs and secret scanners. */
export function newToken(): string {
  return `cms_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface ApiTokenRow {
  id: string;
  name: string;
  project_id: string | null;
  role: Role;
  created_at: Date;
  revoked_at: Date | null;
}

export async function insertToken(
  sql: SqlExecutor,
  token: { id?: string; name: string; projectId: string | null; role: Role; secret: string },
): Promise<ApiTokenRow> {
  const { rows } = await sql.query<ApiTokenRow>(
    `INSERT INTO api_tokens (id, name, project_id, role, token_sha256) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, name, project_id, role, created_at, revoked_at`,
    [token.id ?? randomUUID(), token.name, token.projectId, token.role, tokenHash(token.secret)],
  );
  return rows[0];
}

export async function findTokenBySecret(sql: SqlExecutor, secret: string): Promise<ApiTokenRow | undefined> {
  const { rows } = await sql.query<ApiTokenRow>(
    `SELECT id, name, project_id, role, created_at, revoked_at FROM api_tokens WHERE token_sha256 = $1`,
    [tokenHash(secret)],
  );
  return rows[0];
}

/**
 * The identity a token gives. Its actor, recorded in every event it causes, is the token's name
 * with its id: a name alone could be chosen to look like someone else (`admin`), an id cannot.
 */
export function identityOf(row: ApiTokenRow): Identity {
  return { subject: row.id, role: row.role, projectId: row.project_id, actor: `${row.name} (${row.id})` };
}
