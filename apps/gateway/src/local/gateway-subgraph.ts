import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Role } from '@app/domain';
import type { Projection, ReplaySource } from '@app/platform';
import {
  authorize,
  authorizeSystemAdmin,
  ForbiddenError,
  isUuid,
  NotFoundError,
  ROLES,
  ValidationError,
} from '@app/domain';
import { dataSourceExecutor, JSONScalar, pollUntil, replayProjection, sqlStateOf } from '@app/platform';
import type { Authenticator } from '../auth/authenticator';
import type { ApiTokenRow } from '../auth/api-tokens';
import { insertToken, newToken, RESERVED_TOKEN_NAMES } from '../auth/api-tokens';
import type { GatewayContext } from '../federation/gateway-context';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  scalar JSON

  enum Role { ADMIN EDITOR VIEWER }

  type ApiToken {
    id: ID!
    name: String!
    projectId: ID
    role: Role!
    createdAt: String!
    revokedAt: String
  }

  "The token is shown once, here; only its hash is stored."
  type CreatedApiToken {
    id: ID!
    token: String!
    apiToken: ApiToken!
  }

  input CreateApiTokenInput {
    name: String!
    projectId: ID!
    role: Role!
  }

  type TimelineEntry {
    eventId: ID!
    service: String!
    streamId: String!
    type: String!
    version: Int!
    occurredAt: String!
    actor: String
    correlationId: String
    data: JSON
  }

  type TimelineEdge { node: TimelineEntry! cursor: String! }
  type TimelinePageInfo { hasNextPage: Boolean! endCursor: String }
  type TimelineConnection { edges: [TimelineEdge!]! pageInfo: TimelinePageInfo! totalCount: Int! }

  type ReplayReport {
    readModel: String!
    source: String!
    events: Int!
    rows: Int!
    checksumLive: String!
    checksumReplayed: String!
    equal: Boolean!
    durationMs: Int!
  }

  type Viewer {
    tokenId: ID!
    name: String!
    "What the events this token causes record as their actor: the name with the token's id."
    actor: String!
    role: Role!
    projectId: ID
  }

  type Query {
    "Who the bearer token is."
    me: Viewer!
    "Tokens of a project (its ADMIN), or every token (the admin token)."
    apiTokens(projectId: ID): [ApiToken!]!
    "Every event of the project across all services, in the order they happened."
    projectTimeline(projectId: ID!, first: Int, after: String): TimelineConnection!
  }

  type Mutation {
    createApiToken(input: CreateApiTokenInput!): CreatedApiToken!
    revokeApiToken(id: ID!): Boolean!
    "Admin only: rebuild a read model from the beginning and compare checksums with the live one."
    verifyReplay(readModel: String!): ReplayReport!
  }
`);

interface TimelineRow {
  event_id: string;
  service: string;
  stream_id: string;
  type: string;
  version: number;
  occurred_at: Date;
  actor: string | null;
  correlation_id: string | null;
  data: unknown;
}

export interface GatewaySubgraphDeps {
  readonly dataSource: DataSource;
  readonly authenticator: Authenticator;
  readonly readModels: readonly Projection[];
  readonly replaySource: () => ReplaySource;
}

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

/**
 * The gateway's own subgraph (tokens, the audit timeline, replay checks), executed in-process by
 * the gateway and composed into the supergraph like the others.
 */
export function gatewaySubgraphSchema(deps: GatewaySubgraphDeps): GraphQLSchema {
  const sql = dataSourceExecutor(deps.dataSource);
  return buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        JSON: JSONScalar,
        Query: {
          me: async (_: unknown, __: unknown, { identity }: GatewayContext) => {
            const { rows } = isUuid(identity.subject)
              ? await sql.query<{ name: string }>(`SELECT name FROM api_tokens WHERE id = $1`, [
                  identity.subject,
                ])
              : { rows: [] };
            return {
              tokenId: identity.subject,
              name: rows[0]?.name ?? identity.actor,
              actor: identity.actor,
              role: identity.role,
              projectId: identity.projectId,
            };
          },
          apiTokens: async (
            _: unknown,
            args: { projectId?: string | null },
            { identity }: GatewayContext,
          ) => {
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
          projectTimeline: async (
            _: unknown,
            args: { projectId: string; first?: number | null; after?: string | null },
            { identity }: GatewayContext,
          ) => {
            if (!isUuid(args.projectId)) throw new NotFoundError('project', args.projectId);
            authorize(identity, args.projectId, 'read');
            const first = args.first ?? 50;
            if (first < 1 || first > 500)
              throw new ValidationError('first must be between 1 and 500', [
                { field: 'first', message: 'must be between 1 and 500' },
              ]);
            const after = args.after ? decodeCursor(args.after) : undefined;
            const { rows: total } = await sql.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM timeline WHERE project_id = $1`,
              [args.projectId],
            );
            const { rows } = await sql.query<TimelineRow>(
              `SELECT event_id, service, stream_id, type, version, occurred_at, actor, correlation_id, data FROM timeline
                WHERE project_id = $1 AND ($2::timestamptz IS NULL OR (occurred_at, event_id) > ($2::timestamptz, $3::uuid))
                ORDER BY occurred_at, event_id LIMIT $4`,
              [args.projectId, after?.at ?? null, after?.id ?? null, first + 1],
            );
            const page = rows.slice(0, first);
            const edges = page.map((row) => ({
              cursor: Buffer.from(`${row.occurred_at.toISOString()}|${row.event_id}`).toString('base64url'),
              node: {
                eventId: row.event_id,
                service: row.service,
                streamId: row.stream_id,
                type: row.type,
                version: row.version,
                occurredAt: row.occurred_at.toISOString(),
                actor: row.actor,
                correlationId: row.correlation_id,
                data: row.data,
              },
            }));
            return {
              edges,
              totalCount: total[0].n,
              pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
            };
          },
        },
        Mutation: {
          createApiToken: async (
            _: unknown,
            { input }: { input: { name: string; projectId: string; role: Role } },
            { identity }: GatewayContext,
          ) => {
            const name = input.name.trim();
            if (name.length === 0 || name.length > 100)
              throw new ValidationError('name must be 1 to 100 characters', [
                { field: 'name', message: 'must be 1 to 100 characters' },
              ]);
            if (!ROLES.includes(input.role))
              throw new ValidationError('unknown role', [
                { field: 'role', message: 'must be ADMIN, EDITOR or VIEWER' },
              ]);
            if (RESERVED_TOKEN_NAMES.includes(name.toLowerCase()))
              throw new ValidationError(`the token name "${name}" is reserved`, [
                { field: 'name', message: 'is reserved' },
              ]);
            if (!isUuid(input.projectId)) throw new NotFoundError('project', input.projectId);
            authorize(identity, input.projectId, 'write');
            if (identity.role !== 'ADMIN') throw new ForbiddenError('only an ADMIN token can create tokens');
            const known = await waitForProject(sql, input.projectId);
            if (!known) throw new NotFoundError('project', input.projectId);
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
            await sql.query(`UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [
              id,
            ]);
            deps.authenticator.forget();
            return true;
          },
          verifyReplay: async (
            _: unknown,
            { readModel }: { readModel: string },
            { identity }: GatewayContext,
          ) => {
            authorizeSystemAdmin(identity);
            const projection = deps.readModels.find((p) => p.name === readModel && p.kind !== 'reaction');
            if (!projection) {
              throw new ValidationError(
                `unknown read model "${readModel}"; known here: ${deps.readModels.map((p) => p.name).join(', ')} (others: npm run replay)`,
                [{ field: 'readModel', message: 'unknown read model' }],
              );
            }
            const report = await replayProjection({
              projection,
              dataSource: deps.dataSource,
              source: deps.replaySource(),
            });
            return { ...report };
          },
        },
      },
    },
  ]);
}

async function waitForProject(
  sql: ReturnType<typeof dataSourceExecutor>,
  projectId: string,
): Promise<boolean> {
  const known = async () =>
    (await sql.query(`SELECT 1 FROM known_projects WHERE project_id = $1`, [projectId])).rows.length > 0;
  return pollUntil(known, { timeoutMs: 10_000 });
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)))
    throw new ValidationError('after is not a cursor returned by this API', [
      { field: 'after', message: 'invalid cursor' },
    ]);
  return { at, id };
}
