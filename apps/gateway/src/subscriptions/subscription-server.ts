import type { Server } from 'node:http';
import {
  GraphQLID,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLError,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Identity, SqlExecutor } from '@app/domain';
import { DomainError, JSONScalar } from '@app/domain';
import type { Authenticator } from '../auth/authenticator';
import type { SessionProgressEvent } from './session-progress.feed';
import { sessionProgress } from './session-progress.feed';

const SessionProgressType = new GraphQLObjectType<SessionProgressEvent>({
  name: 'SessionProgress',
  fields: {
    sessionId: { type: new GraphQLNonNull(GraphQLID) },
    version: { type: new GraphQLNonNull(GraphQLInt) },
    type: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'The session event (StepStarted, StepCompleted, LlmCallRecorded, …).',
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
export function subscriptionSchema(sql: SqlExecutor): GraphQLSchema {
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
            mapErrors(sessionProgress(sql, context.identity, args.sessionId)),
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

/**
 * graphql-ws on the gateway's own HTTP server at `/graphql`: the bearer token goes in the
 * `connection_init` payload (`{ authorization: "Bearer <token>" }`); a missing or bad one closes
 * the socket with 4403 (Forbidden) before any subscription starts.
 */
export function attachSubscriptionServer(
  server: Server,
  authenticator: Authenticator,
  sql: SqlExecutor,
): () => Promise<void> {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });
  const schema = subscriptionSchema(sql);
  const disposable = useServer<Record<string, unknown>, { identity?: Identity }>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          ctx.extra.identity = await authenticator.authenticate(bearerOf(ctx.connectionParams));
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      context: (ctx): WsContext => ({ identity: ctx.extra.identity! }),
    },
    wss,
  );
  return async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}
