import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { correlationIdOf } from '@app/platform';
import type { Authenticator } from '../auth/authenticator';
import { AuthRateLimitedError } from '../auth/authenticator';
import { gatewayGraphql } from './gateway-graphql-client';
import { createMcpServer } from './mcp-server';
import { foreignHost } from './host-check';

function jsonRpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/**
 * `/mcp`: the Model Context Protocol over Streamable HTTP, stateless (a fresh server and transport
 * per request, so any gateway instance can answer). A Host or Origin that is not loopback or an
 * allowed host is refused with 403 (DNS rebinding); then the same bearer tokens as GraphQL:
 * without a valid one the request is refused with 401 before anything runs.
 */
export function mcpEndpoint(options: {
  authenticator: Authenticator;
  graphqlUrl: () => string;
  version: string;
  allowedHosts: readonly string[];
}) {
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse): void => {
    void (async () => {
      const foreign = foreignHost(req.headers.host, req.headers.origin, options.allowedHosts);
      if (foreign) {
        jsonRpcError(res, 403, -32000, `FORBIDDEN: ${foreign}`);
        return;
      }
      const authorization = req.headers.authorization;
      try {
        await options.authenticator.authenticate(authorization, req.socket.remoteAddress);
      } catch (error) {
        if (error instanceof AuthRateLimitedError) {
          jsonRpcError(res, 429, -32002, `RATE_LIMITED: ${error.message}`, {
            'retry-after': String(error.retryAfterSeconds),
          });
          return;
        }
        jsonRpcError(res, 401, -32001, `UNAUTHENTICATED: ${(error as Error).message}`, {
          'www-authenticate': 'Bearer realm="codemyspec"',
        });
        return;
      }
      if (req.method !== 'POST') {
        jsonRpcError(res, 405, -32000, 'this MCP endpoint is stateless: send JSON-RPC requests with POST', {
          allow: 'POST',
        });
        return;
      }
      const graphql = gatewayGraphql(options.graphqlUrl(), authorization!, correlationIdOf(req));
      const server = createMcpServer(graphql, options.version);
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    })().catch(() => {
      if (!res.headersSent) jsonRpcError(res, 500, -32603, 'INTERNAL: the MCP request failed');
    });
  };
}
