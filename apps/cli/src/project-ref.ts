import type { CommandContext } from './command';
import { requireValue } from './command';
import { CliError } from './cli-error';
import { componentIdOf, projectIdOf } from './refs';

export { componentIdOf, criterionIdOf, projectIdOf } from './refs';

/** --project, by id or name. */
export const projectOption = (context: CommandContext): Promise<string> =>
  projectIdOf(context, requireValue(context, 'project'));

/**
 * The component a command is about: `--component <name or id>`, or (the older form some commands
 * took) the positional at `index`.
 */
export function componentOption(context: CommandContext, index?: number): Promise<string> {
  const given = context.values.component;
  if (typeof given === 'string' && given !== '') return componentIdOf(context, given);
  if (index !== undefined && context.positionals[index])
    return componentIdOf(context, context.positionals[index]);
  throw new CliError('--component is required: a component name or id (see --help)', 2);
}

/**
 * The component a `components …` command is about and its other arguments: `--component <name or
 * id>` followed by the arguments, or (the other form) the component as the first argument.
 */
export async function componentAndArguments(
  context: CommandContext,
  names: readonly string[],
): Promise<{ componentId: string; rest: string[] }> {
  const given = context.values.component;
  if (typeof given === 'string' && given !== '')
    return { componentId: await componentIdOf(context, given), rest: positionals(context, names) };
  const [component, ...rest] = positionals(context, ['the component (name or id)', ...names]);
  return { componentId: await componentIdOf(context, component), rest };
}

/** The positional at `index`, or a usage error naming it. */
export function positional(context: CommandContext, index: number, what: string): string {
  const value = context.positionals[index];
  if (!value) throw new CliError(`${what} is required (see --help)`, 2);
  return value;
}

/**
 * The positionals a command needs, in order; when some are missing, one usage error that names
 * each of them and how many were given (`the story (a story id)` rather than the last one only).
 */
export function positionals(context: CommandContext, names: readonly string[]): string[] {
  const given = context.positionals.filter((value) => value !== '');
  if (given.length >= names.length) return given.slice(0, names.length);
  throw new CliError(
    `expected ${names.length} arguments (${names.join(', ')}), got ${given.length}: ${names.slice(given.length).join(', ')} ${names.length - given.length === 1 ? 'is' : 'are'} missing (see --help)`,
    2,
  );
}

/** A whole number option, or a usage error. */
export function intOption(context: CommandContext, name: string): number | undefined {
  const raw = context.values[name];
  if (typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new CliError(`--${name} is a whole number`, 2);
  return value;
}

/** Repeated string options (`--criterion a --criterion b`). */
export function listOption(context: CommandContext, name: string): string[] {
  const raw = context.values[name] as unknown;
  return Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
}
