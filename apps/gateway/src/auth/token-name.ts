import type { FieldProblem } from '@app/domain';

/** Names no token may take (after folding): the actors the system itself records. */
export const RESERVED_TOKEN_NAMES: readonly string[] = ['admin', 'system', 'gateway'];

export const MAX_TOKEN_NAME_LENGTH = 100;

/**
 * Characters a name must not hold: controls, format characters (zero-width, bidi overrides, the
 * BOM, soft hyphens), line and paragraph separators, private-use, unassigned and lone surrogates.
 * Each can make one name look like another, or hide part of it.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/** `name (uuid)`: the form of an actor as events record it. */
const ACTOR_FORM = /\(\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*\)/i;

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek'] as const;
const LETTERS_OF: Record<(typeof SCRIPTS)[number], RegExp> = {
  Latin: /\p{Script=Latin}/u,
  Cyrillic: /\p{Script=Cyrillic}/u,
  Greek: /\p{Script=Greek}/u,
};

/** The form two names are compared in: compatibility forms folded, one space, lower case. */
export function foldedTokenName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * A token's name as it is stored (NFKC, single spaces, trimmed), or the problem with it: empty or
 * too long, an invisible or control character, letters of Latin mixed with Cyrillic or Greek
 * (`аdmin` with a Cyrillic а), the form of a recorded actor, or a reserved name.
 */
export function checkTokenName(raw: string): { name: string } | { problem: FieldProblem } {
  const problem = (message: string) => ({ problem: { field: 'name', message } });
  if (INVISIBLE.test(raw))
    return problem('must not contain control, zero-width, bidirectional or other invisible characters');
  const name = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (name.length === 0 || name.length > MAX_TOKEN_NAME_LENGTH)
    return problem(`must be 1 to ${MAX_TOKEN_NAME_LENGTH} characters`);
  if (SCRIPTS.filter((script) => LETTERS_OF[script].test(name)).length > 1)
    return problem('must not mix Latin letters with Cyrillic or Greek ones (they look alike)');
  if (ACTOR_FORM.test(name)) return problem('must not look like a recorded actor ("name (token id)")');
  if (RESERVED_TOKEN_NAMES.includes(foldedTokenName(name))) return problem('is reserved');
  return { name };
}
