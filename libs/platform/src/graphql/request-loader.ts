import DataLoader from 'dataloader';
import type { RequestContext } from './request-context';

/**
 * A loader per request (keyed on the request's context object): the loads one request makes in the
 * same tick share one batch. Nothing is cached beyond the batch, so a mutation never reads a stale
 * row. `_entities` resolves each representation on its own; through this, a component's stories
 * are one query, not one each. `batch` answers in the order of `keys` (which may repeat), `null`
 * for a key it cannot or may not see.
 */
export function requestLoader<K, V>(
  batch: (context: RequestContext, keys: readonly K[]) => Promise<readonly (V | null)[]>,
): (context: RequestContext) => DataLoader<K, V | null> {
  const loaders = new WeakMap<RequestContext, DataLoader<K, V | null>>();
  return (context) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = new DataLoader<K, V | null>((keys) => batch(context, keys), { cache: false });
      loaders.set(context, loader);
    }
    return loader;
  };
}
