import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { formatGraphqlError } from '@app/platform';

const logger = new Logger('GatewayErrors');

/** Extensions that describe what stands behind the gateway: kept in the log, never sent. */
const INTERNAL_EXTENSIONS = ['serviceName', 'response'] as const;

/**
 * Errors as a client of the gateway sees them: the codes and words of `formatGraphqlError`,
 * without the name of the subgraph that raised them or its URL (`serviceName`, `response`);
 * a failure behind the gateway is logged with them.
 */
export function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const shown = formatGraphqlError(formatted, error);
  const extensions = { ...shown.extensions };
  const service = extensions.serviceName ?? formatted.extensions?.serviceName;
  for (const name of INTERNAL_EXTENSIONS) delete extensions[name];
  const code = extensions.code;
  if (typeof service === 'string' && (code === 'INTERNAL' || code === 'UNAVAILABLE'))
    logger.warn(`${code} from the ${service} service: ${formatted.message}`);
  return { ...shown, extensions };
}
