import { ValidationError } from '@app/domain';
import type { TraceStatus } from './trace';

/** Which traced criteria a caller wants: some statuses, a page of them. */
export interface TracePageRequest {
  /** Only criteria in one of these statuses; all when absent or empty. */
  readonly status?: readonly TraceStatus[] | null;
  /** At most this many; all when absent. */
  readonly first?: number | null;
  /** The `endCursor` of the previous page. */
  readonly after?: string | null;
}

export interface TracePage<T> {
  readonly items: readonly T[];
  /** How many criteria match the status filter, over all pages. */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** The cursor of the page's last item; null on an empty page. */
  readonly endCursor: string | null;
}

export const MAX_TRACE_PAGE = 1000;

const CURSOR_PREFIX = 'trace:';

/** A cursor is the position of an item among the filtered criteria, opaque to callers. */
export const traceCursor = (position: number): string =>
  Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');

function positionAfter(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const position = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(position) || position < 0)
    throw new ValidationError(`after: "${cursor}" is not a cursor this query returned`, [
      { field: 'after', message: 'use the endCursor of the previous page' },
    ]);
  return position + 1;
}

/** The page of `criteria` (in their report order) that `request` asks for. */
export function traceCriteriaPage<T extends { readonly status: TraceStatus }>(
  criteria: readonly T[],
  request: TracePageRequest,
): TracePage<T> {
  const { first } = request;
  if (
    first !== undefined &&
    first !== null &&
    (!Number.isInteger(first) || first < 0 || first > MAX_TRACE_PAGE)
  )
    throw new ValidationError(`first must be a whole number from 0 to ${MAX_TRACE_PAGE}, not ${first}`, [
      { field: 'first', message: `from 0 to ${MAX_TRACE_PAGE}` },
    ]);
  const wanted = request.status?.length ? new Set(request.status) : null;
  const matching = wanted ? criteria.filter((traced) => wanted.has(traced.status)) : criteria;
  const start = request.after ? positionAfter(request.after) : 0;
  const end =
    first === undefined || first === null ? matching.length : Math.min(start + first, matching.length);
  const items = matching.slice(start, end);
  return {
    items,
    totalCount: matching.length,
    hasNextPage: end < matching.length,
    endCursor: items.length === 0 ? null : traceCursor(start + items.length - 1),
  };
}
