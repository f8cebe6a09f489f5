import type { IncomingMessage, Server } from 'node:http';
import type { DocumentNode } from 'graphql';
import {
  GraphQLID,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
} from 'graphql';
import type { WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Identity } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import { DomainError } from '@app/domain';
import { JSONScalar, tokenLimitError } from '@app/platform';
import type { Authenticator } from '../auth/authenticator';
import type { SessionProgressEvent } from './session-progress.feed';
import { sessionProgress } from './session-progress.feed';
import { sharedStreamRows } from './stream-rows';
import type { LiveLlmCallLookup } from './live-llm-call.lookup';

const SessionProgressType = new GraphQLObjectType<SessionProgressEvent>({
  name: 'SessionProgress',
  fields: {
    sessionId: { type: new GraphQLNonNull(GraphQLID) },
    version: { type: new GraphQLNonNull(GraphQLInt) },
    type: {
      type: new GraphQLNonNull(GraphQLString),
      description:
        "The session event (StepStarted, StepCompleted, LlmCallRecorded, …), or LlmCallStreaming: the tokens of the call streaming now (not an event of the stream; its version is the last event's).",
    },
    occurredAt: { type: new GraphQLNonNull(GraphQLString) },
    step: { type: GraphQLString },
    attempt: { type: GraphQLInt },
    status: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'RUNNING until the last event: SUCCEEDED, FAILED or CANCELLED.',
    },
    detail: { type: GraphQLString },
    data: { type: JSONScalar },
  },
});

interface WsContext {
  identity: Identity;
}

/** The subscription schema served over graphql-ws (queries and mutations go through POST /graphql). */
export function subscriptionSchema(
  sql: SqlExecutor,
  live?: LiveLlmCallLookup,
  wake?: (streamId: string, timeoutMs: number, signal?: AbortSignal) => Promise<void>,
): GraphQLSchema {
  const rows = sharedStreamRows(sql);
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { ok: { type: GraphQLString, resolve: () => 'use POST /graphql for queries and mutations' } },
    }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        sessionProgress: {
          type: new GraphQLNonNull(SessionProgressType),
          description: "A session's progress, from its first event to the one that ends it.",
          args: { sessionId: { type: new GraphQLNonNull(GraphQLID) } },
          subscribe: (_root, args: { sessionId: string }, context: WsContext) =>
            mapErrors(
              sessionProgress(sql, context.identity, args.sessionId, {
                live: live && ((id) => live(context.identity, id)),
                wake,
                rows,
              }),
            ),
          resolve: (event: SessionProgressEvent) => event,
        },
      },
    }),
  });
}

async function* mapErrors<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    if (error instanceof DomainError)
      throw new GraphQLError(error.message, { extensions: { code: error.code } });
    throw new GraphQLError('internal error', { extensions: { code: 'INTERNAL' } });
  }
}

function bearerOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const header = params?.authorization ?? params?.Authorization;
  if (typeof header === 'string') return header;
  return typeof params?.token === 'string' ? `Bearer ${params.token}` : undefined;
}

/** How often open subscriptions re-check their token (with the authenticator's cache, < 5 s in all). */
const RECHECK_MS = 2_000;

/** Closes a socket whose token was revoked (4403, like a connection refused at connection_init). */
const REVOKED = { code: 4403, reason: 'Forbidden: the token was revoked' };

/**
 * Validation as Apollo Server does it for POST /graphql: with introspection off, introspection
 * is refused and no "Did you mean …" hint names a field the caller could not list.
 */
function validator(introspection: boolean) {
  if (introspection) return undefined;
  const rules = [...specifiedRules, NoSchemaIntrospectionCustomRule];
  return (schema: GraphQLSchema, document: DocumentNode) =>
    validate(schema, document, rules).map(
      (error) => new GraphQLError(error.message.replace(/ ?Did you mean .*$/s, ''), { nodes: error.nodes }),
    );
}

interface Connection {
  readonly socket: WebSocket;
  readonly bearer: string | undefined;
}

/**
 * graphql-ws on the gateway's own HTTP server at `/graphql`: the bearer token goes in the
 * `connection_init` payload (`{ authorization: "Bearer <token>" }`); a missing or bad one closes
 * the socket with 4403 (Forbidden) before any subscription starts, and a token revoked while its
 * socket is open closes it (4403) within 5 s. Introspection follows GRAPHQL_INTROSPECTION.
 */
export function attachSubscriptionServer(
  server: Server,
  authenticator: Authenticator,
  sql: SqlExecutor,
  options: {
    readonly introspection: boolean;
    /** The document token limit of POST /graphql (GRAPHQL_MAX_TOKENS), checked before parsing. */
    readonly maxTokens: number;
    readonly live?: LiveLlmCallLookup;
    readonly wake?: (streamId: string, timeoutMs: number, signal?: AbortSignal) => Promise<void>;
  },
): () => Promise<void> {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });
  const schema = subscriptionSchema(sql, options.live, options.wake);
  const open = new Set<Connection>();
  const recheck = setInterval(() => {
    for (const connection of open) {
      authenticator.authenticate(connection.bearer).catch(() => {
        open.delete(connection);
        connection.socket.close(REVOKED.code, REVOKED.reason);
      });
    }
  }, RECHECK_MS);
  recheck.unref();
  const connections = new WeakMap<object, Connection>();
  const disposable = useServer<
    Record<string, unknown>,
    { identity?: Identity; socket: WebSocket; request: IncomingMessage }
  >(
    {
      schema,
      validate: validator(options.introspection),
      // The same token limit as POST /graphql, before graphql-ws parses the document.
      onSubscribe: (_ctx, _id, payload) => {
        const refused = tokenLimitError(payload.query, options.maxTokens);
        return refused ? [refused] : undefined;
      },
      onConnect: async (ctx) => {
        const bearer = bearerOf(ctx.connectionParams);
        try {
          ctx.extra.identity = await authenticator.authenticate(
            bearer,
            ctx.extra.request.socket.remoteAddress,
          );
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
        const connection = { socket: ctx.extra.socket, bearer };
        connections.set(ctx, connection);
        open.add(connection);
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        if (connection) open.delete(connection);
      },
      context: (ctx): WsContext => ({ identity: ctx.extra.identity! }),
    },
    wss,
  );
  // graphql-ws closes the sockets and the WebSocket server; closing twice would fail, so once only.
  let closed: Promise<void> | undefined;
  return () => {
    closed ??= (async () => {
      clearInterval(recheck);
      await disposable.dispose();
    })();
    return closed;
  };
}
