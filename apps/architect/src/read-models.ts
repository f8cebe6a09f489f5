import type { Projection, ProjectionDeps } from '@app/domain';

/** The read models and reactions of the architect service that are fed by the bus (read models are listed by `npm run replay`). */
export function readModels(_deps: ProjectionDeps): Projection[] {
  return [];
}
