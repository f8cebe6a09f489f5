import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { getVariableValues, OperationTypeNode } from 'graphql';
import type { Identity } from '@app/domain';
import { correlationIdOf, findBadInput } from '@app/platform';
import type { Authenticator } from '../auth/authenticator';
import type { RateLimiter } from '../limits/rate-limiter';
import type { QueryLimits } from '../limits/query-limits';
import { exceededLimit } from '../limits/query-limits';
import type { GatewayContext } from './gateway-context';
import type { ExecutionResult, SingleFetchRoutes } from './single-fetch-routes';
import { executeSingleFetch } from './single-fetch-execution';
import type { SubgraphSource } from './subgraph-source';

const logger = new Logger('SingleFetchLane');

/** Set on a request the lane already counted against the rate limit: true allowed, false refused. */
export const RATE_DECISION = Symbol('rate-limit decision');
/** Set on a request the lane executed but leaves to Apollo Server to answer (it has errors). */
export const LANE_RESULT = Symbol('single-fetch result');
/** Set on a request whose token the lane refused (already counted against its address). */
export const AUTH_REFUSAL = Symbol('authentication refusal');

/** What the lane leaves on a request it passes on to Apollo Server. */
export interface LaneMarks {
  [RATE_DECISION]?: boolean;
  [LANE_RESULT]?: ExecutionResult;
  [AUTH_REFUSAL]?: Error;
}

type LaneRequest = IncomingMessage & LaneMarks & { body?: unknown };

interface PlainRequest {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

/** What the lane shares with the gateway's Apollo Server: learned routes, sources, the rate limiter. */
export interface SingleFetchLaneState {
  readonly routes: SingleFetchRoutes;
  readonly sources: ReadonlyMap<string, SubgraphSource>;
  readonly limiter: RateLimiter;
}

export interface SingleFetchLaneDeps extends SingleFetchLaneState {
  readonly authenticator: Pick<Authenticator, 'authenticate'>;
  readonly limits: QueryLimits;
}

/**
 * The fast lane in front of Apollo Server, for the common case only: a POST of a query that the
 * planner already found to be one plain root fetch, from a valid token within its rate, within the
 * depth and cost limits, with valid variables, whose subgraph answers without errors. That answer
 * is the response (200, `application/json`), as Apollo Server would have sent it. Anything else,
 * including every refusal, goes on to Apollo Server, which answers it as always; a result with
 * errors goes on with it (`LANE_RESULT`), for Apollo to report without calling the subgraph again,
 * and the rate limit is not counted twice (`RATE_DECISION`).
 */
export function singleFetchLane(deps: SingleFetchLaneDeps) {
  return (req: LaneRequest, res: ServerResponse, next: (error?: unknown) => void): void => {
    serve(deps, req, res).then(
      (answered) => {
        if (!answered) next();
      },
      (error: unknown) => {
        // A fault of the lane itself: Apollo Server still answers the request.
        logger.warn(`single-fetch lane: ${error instanceof Error ? error.message : String(error)}`);
        next();
      },
    );
  };
}

async function serve(deps: SingleFetchLaneDeps, req: LaneRequest, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'POST' || !acceptsPlainJson(req.headers.accept)) return false;
  const body = plainRequest(req.body);
  if (!body) return false;
  const learned = deps.routes.lookup(body.query, body.operationName);
  const source = learned ? deps.sources.get(learned.route.serviceName) : undefined;
  if (!learned || !source || learned.operation.operation !== OperationTypeNode.QUERY) return false;

  let identity: Identity;
  try {
    identity = await deps.authenticator.authenticate(header(req, 'authorization'), req.socket.remoteAddress);
  } catch (error) {
    req[AUTH_REFUSAL] = error instanceof Error ? error : new Error(String(error));
    return false;
  }
  const allowed = deps.limiter.take(identity.subject, Date.now());
  req[RATE_DECISION] = allowed;
  if (!allowed) return false;

  const variables = body.variables ?? {};
  if (exceededLimit(learned.document, learned.operation, variables, deps.limits)) return false;
  if (findBadInput(learned.document, variables)) return false;
  const definitions = learned.operation.variableDefinitions;
  if (definitions?.length && getVariableValues(learned.schema, definitions, variables).errors) return false;

  // The id pino-http gave the request (the caller's x-correlation-id when well-formed).
  const correlationId = typeof req.id === 'string' ? req.id : correlationIdOf(req);
  const context: GatewayContext = { identity, correlationId };
  const result = await executeSingleFetch(
    learned.route,
    (request) => source.send(request, context),
    variables,
  );
  if (result.errors?.length || res.headersSent) {
    req[LANE_RESULT] = result;
    return false;
  }
  const payload = `${JSON.stringify({ data: result.data })}\n`;
  res.statusCode = 200;
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(payload));
  res.end(payload);
  return true;
}

/** No Accept, any type, or JSON first: what Apollo Server answers as `application/json`. */
function acceptsPlainJson(accept: string | undefined): boolean {
  if (!accept) return true;
  const first = accept.split(',')[0].split(';')[0].trim().toLowerCase();
  return (first === 'application/json' || first === '*/*') && !accept.includes('graphql-response+json');
}

function plainRequest(body: unknown): PlainRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, ...rest } = body as Record<string, unknown>;
  if (typeof query !== 'string' || Object.keys(rest).length > 0) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return undefined;
  return body as PlainRequest;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
