import { DEFAULT_PORTS, envReader } from '@app/platform';
import type { QueryLimits } from './limits/query-limits';

export interface SubgraphEndpoint {
  readonly name: string;
  /** Every instance's URL, comma-separated (as Apollo hands it to `buildService`). */
  readonly url: string;
}

export interface GatewayConfig {
  readonly subgraphs: readonly SubgraphEndpoint[];
  readonly dataDir: string;
  readonly adminToken: string | undefined;
  readonly queryLimits: QueryLimits;
  readonly ratePerSecond: number;
  readonly rateBurst: number;
  /** Requests without a valid token allowed per client address. */
  readonly authFailures: { readonly ratePerSecond: number; readonly burst: number };
  readonly subgraphTimeoutMs: number;
  /** Host names `/mcp` accepts besides loopback (DNS-rebinding protection). */
  readonly mcpAllowedHosts: readonly string[];
  /** Git clones and fetches at once, waiting for a turn, and how long one may wait. */
  readonly git: { readonly maxActive: number; readonly maxQueued: number; readonly maxWaitMs: number };
}

const KNOWN_SUBGRAPHS = ['stories', 'architect', 'sessions'] as const;

/** Settings of the gateway beyond the common service ones; a bad value names its variable. */
export function loadGatewayConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): GatewayConfig {
  const read = envReader(env);
  const names = read.list('GATEWAY_SUBGRAPHS') ?? ['stories', 'architect', 'sessions'];
  for (const name of names) {
    if (!(KNOWN_SUBGRAPHS as readonly string[]).includes(name))
      throw new Error(`GATEWAY_SUBGRAPHS lists an unknown subgraph "${name}"`);
  }
  return {
    subgraphs: names.map((name) => ({
      name,
      // One URL per instance of the subgraph: the gateway balances between them.
      url:
        read.urls(`${name.toUpperCase()}_URL`, ['http:', 'https:'])?.join(',') ??
        `http://127.0.0.1:${read.port(`${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name as (typeof KNOWN_SUBGRAPHS)[number]])}/graphql`,
    })),
    dataDir: read.string('CODEMYSPEC_DATA_DIR', './.data'),
    adminToken: read.optionalString('CODEMYSPEC_ADMIN_TOKEN'),
    queryLimits: {
      maxDepth: read.int('GRAPHQL_MAX_DEPTH', 12, { min: 2, max: 100 }),
      maxCost: read.int('GRAPHQL_MAX_COST', 10_000, { min: 10 }),
      maxFragments: read.int('GRAPHQL_MAX_FRAGMENTS', 50, { min: 0 }),
      maxAliases: read.int('GRAPHQL_MAX_ALIASES', 50, { min: 0 }),
      maxDirectives: read.int('GRAPHQL_MAX_DIRECTIVES', 50, { min: 0 }),
    },
    ratePerSecond: read.int('RATE_LIMIT_PER_SECOND', 50, { min: 1 }),
    rateBurst: read.int('RATE_LIMIT_BURST', 200, { min: 1 }),
    authFailures: {
      ratePerSecond: read.int('AUTH_FAILURES_PER_SECOND', 10, { min: 1 }),
      burst: read.int('AUTH_FAILURES_BURST', 100, { min: 1 }),
    },
    // Test runs wait for their sandbox (up to SANDBOX_TIMEOUT_MS, plus a queue).
    subgraphTimeoutMs: read.int('SUBGRAPH_TIMEOUT_MS', 180_000, { min: 100 }),
    mcpAllowedHosts: read.list('MCP_ALLOWED_HOSTS') ?? [],
    git: {
      maxActive: read.int('GIT_MAX_CONCURRENT', 4, { min: 1, max: 256 }),
      maxQueued: read.int('GIT_MAX_QUEUED', 200, { min: 0 }),
      maxWaitMs: read.int('GIT_MAX_WAIT_MS', 30_000, { min: 100 }),
    },
  };
}
