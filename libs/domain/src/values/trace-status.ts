/**
 * Where an acceptance criterion stands on its way to proof (the API's `TraceStatus`), in the order
 * the trace checks them. One list for the architect that decides it and the clients that filter by it.
 */
export const TRACE_STATUSES = [
  'UNLINKED',
  'UNCITED',
  'UNTESTED',
  'NOT_RED',
  'NOT_GREEN',
  'VERIFIED',
  'DIRTY',
] as const;

export type TraceStatus = (typeof TRACE_STATUSES)[number];

export const isTraceStatus = (value: string): value is TraceStatus =>
  (TRACE_STATUSES as readonly string[]).includes(value);
