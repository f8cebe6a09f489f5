import { findUnstorable, ValidationError } from '@app/domain';

/**
 * `\u0000` or a lone surrogate's escape in JSON text (an odd number of backslashes before the
 * `u`: `\\u0000` is a backslash followed by "u0000", which is fine). `JSON.stringify` writes a
 * lone surrogate as its escape and keeps pairs as they are, so a valid pair never matches.
 */
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

/**
 * JSON text as it is stored in a `jsonb` column; refuses, with the event type and the field, what
 * PostgreSQL would refuse with its own words ("unsupported Unicode escape sequence"): a NUL or a
 * lone surrogate that reached an event past every edge check.
 */
export function storableJson(eventType: string, part: 'data' | 'metadata', value: unknown): string {
  const json = JSON.stringify(value);
  if (!UNSTORABLE_ESCAPE.test(json)) return json;
  const bad = findUnstorable(value, part) ?? { field: part, message: 'holds text no store can hold' };
  throw new ValidationError(`a ${eventType} event cannot be stored: ${bad.field} ${bad.message}`, [bad]);
}
