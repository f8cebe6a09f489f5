import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import { JSONScalar } from '@app/platform';
import type { GatewaySubgraphDeps } from './gateway-subgraph.deps';
import { replayResolvers } from './replay.resolvers';
import { timelineResolvers } from './timeline.resolvers';
import { tokenResolvers } from './token.resolvers';

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
    "What the event is about when its stream holds a whole project's events (an architecture event names its component, a dependency's dependent component or a story): that id; null when the stream itself is the subject."
    subjectId: ID
  }

  type TimelineEdge { node: TimelineEntry! cursor: String! }
  type TimelinePageInfo { hasNextPage: Boolean! endCursor: String }
  enum TimelineOrder { OLDEST_FIRST NEWEST_FIRST }
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
    "Where the first difference is: the table, and the row each side has (a timeline row names its event)."
    firstDifference: String
    "How many streams the live consumer had applied at the moment of comparison (the replay stops there too)."
    watermarkStreams: Int!
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
    """
    Every event of a project across services, a page at a time: oldest first by default, newest
    first with order: NEWEST_FIRST. A cursor is a position: after continues from it in the order
    asked for (the newest event's cursor, asked OLDEST_FIRST, gives what happens next).
    """
    projectTimeline(projectId: ID!, first: Int, after: String, order: TimelineOrder = OLDEST_FIRST): TimelineConnection!
  }

  type Mutation {
    createApiToken(input: CreateApiTokenInput!): CreatedApiToken!
    revokeApiToken(id: ID!): Boolean!
    "Admin only: rebuild a read model from the beginning and compare checksums with the live one."
    verifyReplay(readModel: String!): ReplayReport!
  }
`);

/**
 * The gateway's own subgraph (tokens, the audit timeline, replay checks), executed in-process by
 * the gateway and composed into the supergraph like the others.
 */

export type { GatewaySubgraphDeps } from './gateway-subgraph.deps';

export function gatewaySubgraphSchema(deps: GatewaySubgraphDeps): GraphQLSchema {
  const tokens = tokenResolvers(deps);
  const timeline = timelineResolvers(deps);
  const replay = replayResolvers(deps);
  return buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        JSON: JSONScalar,
        Query: { ...tokens.Query, ...timeline.Query },
        Mutation: { ...tokens.Mutation, ...replay.Mutation },
      },
    },
  ]);
}
