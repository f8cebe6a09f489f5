import { authorizeSystemAdmin, ValidationError } from '@app/domain';
import { replayProjection } from '@app/platform';
import type { GatewayContext } from '../federation/gateway-context';
import type { GatewaySubgraphDeps } from './gateway-subgraph.deps';

/** verifyReplay: a read model rebuilt from its source and compared with the live one (admin). */
export function replayResolvers(
  deps: Pick<GatewaySubgraphDeps, 'dataSource' | 'readModels' | 'replaySource'>,
) {
  return {
    Mutation: {
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
  };
}
