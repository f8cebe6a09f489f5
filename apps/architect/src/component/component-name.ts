import type { FieldProblem } from '@app/domain';
import { ValidationError } from '@app/domain';
import type { ComponentKind } from './component-kind';

/** Names are measured after trimming, in UTF-16 code units. */
export const COMPONENT_NAME_LIMITS = { minLength: 1, maxLength: 120 } as const;

/** One segment of a module name: PascalCase, letters and digits only (`PaymentService`). */
export const MODULE_NAME_SEGMENT = /^[A-Z][A-Za-z0-9]*$/;

/** True for a dotted PascalCase name such as `Shop.Checkout.PaymentService` (one segment is enough). */
export function isModuleName(name: string): boolean {
  return name.split('.').every((segment) => MODULE_NAME_SEGMENT.test(segment));
}

/**
 * The problems with a component's name, for a component of `kind`. The name is checked as given
 * (call it with the trimmed name): 1–120 characters, and for a `module` dotted PascalCase.
 */
export function componentNameProblems(name: string, kind: ComponentKind, field = 'name'): FieldProblem[] {
  if (name.length < COMPONENT_NAME_LIMITS.minLength) return [{ field, message: 'must not be empty' }];
  if (name.length > COMPONENT_NAME_LIMITS.maxLength)
    return [{ field, message: `must be at most ${COMPONENT_NAME_LIMITS.maxLength} characters` }];
  if (kind === 'module' && !isModuleName(name))
    return [
      {
        field,
        message:
          'a module name must be dotted PascalCase, e.g. Shop.Checkout.PaymentService (each segment starts with an upper-case letter, then letters and digits)',
      },
    ];
  return [];
}

/** The trimmed name, or a ValidationError (field `name`) naming what is wrong with it. */
export function validateComponentName(name: string, kind: ComponentKind): string {
  const trimmed = name.trim();
  const problems = componentNameProblems(trimmed, kind);
  if (problems.length > 0)
    throw new ValidationError(`Invalid component name: ${problems[0].message}`, problems);
  return trimmed;
}

function pascalSegment(text: string): string {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  const joined = words
    .map((word) => word.replace(/[^A-Za-z0-9]/g, ''))
    .map((word) => (word.length > 0 ? word[0].toUpperCase() + word.slice(1) : word))
    .join('');
  // A segment must start with a letter.
  return /^[0-9]/.test(joined) ? `M${joined}` : joined;
}

/**
 * The module name a component gets in code: its name in dotted PascalCase, under its parent's
 * module name when one is given.
 *
 * - A name that already is dotted PascalCase is kept (`Shop.Checkout` stays `Shop.Checkout`).
 * - Otherwise every dot-separated part becomes one PascalCase segment of its ASCII letters and
 *   digits (`payment service` → `PaymentService`, `2fa codes` → `M2faCodes`); empty parts are dropped.
 * - With a parent (`Shop`), the result is prefixed (`Shop.Checkout`) unless it already starts
 *   with the parent's segments.
 *
 * Returns null when nothing usable is left (a name without ASCII letters or digits).
 */
export function moduleNameOf(name: string, parentModuleName: string | null = null): string | null {
  const trimmed = name.trim();
  const own = isModuleName(trimmed)
    ? trimmed
    : trimmed
        .split('.')
        .map(pascalSegment)
        .filter((segment) => segment.length > 0)
        .join('.');
  if (own.length === 0) return null;
  if (parentModuleName === null || parentModuleName.trim().length === 0) return own;
  const parent = parentModuleName.trim();
  return own === parent || own.startsWith(`${parent}.`) ? own : `${parent}.${own}`;
}
