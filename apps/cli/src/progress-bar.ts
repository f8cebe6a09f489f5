/** Steps a session of each type takes at least (its shortest path through the router). */
const MINIMUM_STEPS: Record<string, number> = { DESIGN: 3, COMPONENT_DESIGNS: 2, TESTS: 4, CODE: 3 };

export interface ProgressEvent {
  readonly type: string;
  readonly step: string | null;
  readonly attempt: number | null;
  readonly status: string;
  readonly detail: string | null;
}

/**
 * How far a session is: finished steps over the steps it will take at least, where every failed
 * step adds the two a retry needs (a fix and a new check). 1 once it has ended.
 */
export function progressFraction(sessionType: string, events: readonly ProgressEvent[]): number {
  const last = events[events.length - 1];
  if (last && last.status !== 'RUNNING') return 1;
  const completed = events.filter((e) => e.type === 'StepCompleted');
  const failed = completed.filter((e) => (e.detail ?? '').startsWith('FAILED')).length;
  const expected = (MINIMUM_STEPS[sessionType] ?? 4) + 2 * failed;
  return Math.min(0.99, completed.length / Math.max(expected, completed.length + 1));
}

export function renderBar(fraction: number, width = 24): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
}

/** One line per event: the bar, then what happened. */
export function progressLine(sessionType: string, events: readonly ProgressEvent[]): string {
  const event = events[events.length - 1];
  const step = event.step ? ` ${event.step}${event.attempt ? `#${event.attempt}` : ''}` : '';
  const detail = event.detail ? ` — ${event.detail}` : '';
  return `${renderBar(progressFraction(sessionType, events))} ${event.type}${step}${detail}`;
}
