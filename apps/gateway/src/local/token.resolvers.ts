import type { Role } from '@app/domain';
import {
  authorize,
  authorizeSystemAdmin,
  ForbiddenError,
  isUuid,
  NotFoundError,
  ROLES,
  ValidationError,
} from '@app/domain';
import { dataSourceExecutor, pollUntil, sqlStateOf } from '@app/platform';
import type { ApiTokenRow } from '../auth/api-tokens';
import { insertToken, newToken } from '../auth/api-tokens';
import { checkTokenName, foldedTokenName } from '../auth/token-name';
import type { GatewayContext } from '../federation/gateway-context';
import type { GatewaySubgraphDeps } from './gateway-subgraph.deps';

function tokenView(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    projectId: row.project_id,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

async function waitForProject(
  sql: ReturnType<typeof dataSourceExecutor>,
  projectId: string,
): Promise<boolean> {
  const known = async () =>
    (await sql.query(`SELECT 1 FROM known_projects WHERE project_id = $1`, [projectId])).rows.length > 0;
  return pollUntil(known, { timeoutMs: 10_000 });
}

/** The token's name as it is stored, once the name and role are acceptable. */
function checkedTokenInput(input: { name: string; role: Role }): string {
  const checked = checkTokenName(input.name);
  if ('problem' in checked)
    throw new ValidationError(`the token name ${checked.problem.message}`, [checked.problem]);
  if (!ROLES.includes(input.role))
    throw new ValidationError('unknown role', [
      { field: 'role', message: 'must be ADMIN, EDITOR or VIEWER' },
    ]);
  return checked.name;
}

/**
 * Refuses a name that folds to the name of a token already recorded in the project or for the
 * whole system (`ＣＩ` beside `ci`): in the audit trail the two would read as one actor.
 */
async function assertDistinctName(
  sql: ReturnType<typeof dataSourceExecutor>,
  projectId: string,
  name: string,
): Promise<void> {
  const { rows } = await sql.query<{ name: string }>(
    `SELECT name FROM api_tokens WHERE project_id = $1 OR project_id IS NULL`,
    [projectId],
  );
  const folded = foldedTokenName(name);
  const twin = rows.find((row) => foldedTokenName(row.name) === folded);
  if (twin)
    throw new ValidationError(`a token named "${twin.name}" already exists: "${name}" would read the same`, [
      { field: 'name', message: 'must differ from the names of existing tokens (after folding)' },
    ]);
}

/** Tokens: who the caller is, the project's tokens, creating and revoking them (ADMIN). */
export function tokenResolvers(deps: Pick<GatewaySubgraphDeps, 'dataSource' | 'authenticator'>) {
  const sql = dataSourceExecutor(deps.dataSource);
  return {
    Query: {
      me: async (_: unknown, __: unknown, { identity }: GatewayContext) => {
        const { rows } = isUuid(identity.subject)
          ? await sql.query<{ name: string }>(`SELECT name FROM api_tokens WHERE id = $1`, [identity.subject])
          : { rows: [] };
        return {
          tokenId: identity.subject,
          name: rows[0]?.name ?? identity.actor,
          actor: identity.actor,
          role: identity.role,
          projectId: identity.projectId,
        };
      },
      apiTokens: async (_: unknown, args: { projectId?: string | null }, { identity }: GatewayContext) => {
        const projectId = args.projectId ?? identity.projectId;
        if (projectId === null) {
          authorizeSystemAdmin(identity);
        } else {
          authorize(identity, projectId, 'read');
          if (identity.role !== 'ADMIN') throw new ForbiddenError('only an ADMIN token can list tokens');
        }
        const { rows } = await sql.query<ApiTokenRow>(
          `SELECT id, name, project_id, role, created_at, revoked_at FROM api_tokens WHERE $1::uuid IS NULL OR project_id = $1::uuid ORDER BY created_at, id`,
          [projectId],
        );
        return rows.map(tokenView);
      },
    },
    Mutation: {
      createApiToken: async (
        _: unknown,
        { input }: { input: { name: string; projectId: string; role: Role } },
        { identity }: GatewayContext,
      ) => {
        const name = checkedTokenInput(input);
        if (!isUuid(input.projectId)) throw new NotFoundError('project', input.projectId);
        authorize(identity, input.projectId, 'write');
        if (identity.role !== 'ADMIN') throw new ForbiddenError('only an ADMIN token can create tokens');
        const known = await waitForProject(sql, input.projectId);
        if (!known) throw new NotFoundError('project', input.projectId);
        await assertDistinctName(sql, input.projectId, name);
        const token = newToken();
        const row = await insertToken(sql, {
          name,
          projectId: input.projectId,
          role: input.role,
          secret: token,
        }).catch((error: unknown) => {
          if (sqlStateOf(error) === '23505')
            throw new ValidationError(`a token named "${name}" already exists in the project`, [
              { field: 'name', message: 'must be unique within the project' },
            ]);
          throw error;
        });
        return { id: row.id, token, apiToken: tokenView(row) };
      },
      revokeApiToken: async (_: unknown, { id }: { id: string }, { identity }: GatewayContext) => {
        const { rows } = isUuid(id)
          ? await sql.query<ApiTokenRow>(
              `SELECT id, name, project_id, role, created_at, revoked_at FROM api_tokens WHERE id = $1`,
              [id],
            )
          : { rows: [] };
        const row = rows[0];
        if (!row || (row.project_id === null && identity.projectId !== null))
          throw new NotFoundError('token', id);
        if (row.project_id === null) authorizeSystemAdmin(identity);
        else authorize(identity, row.project_id, 'write', { what: 'token', id });
        if (identity.role !== 'ADMIN') throw new ForbiddenError('only an ADMIN token can revoke tokens');
        await sql.query(`UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [id]);
        deps.authenticator.forget();
        return true;
      },
    },
  };
}
