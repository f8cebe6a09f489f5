import type { CommandContext } from './command';
import { requireValue } from './command';
import { CliError } from './cli-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A project id as given, or the id of the one project this token sees by that name. */
export async function projectIdOf(context: CommandContext, project: string): Promise<string> {
  if (UUID.test(project)) return project;
  const { graphql } = await context.connect();
  const { projects } = await graphql<{ projects: { id: string; name: string }[] }>(
    '{ projects { id name } }',
  );
  const named = projects.filter((p) => p.name === project);
  if (named.length === 1) return named[0].id;
  throw new CliError(
    named.length === 0
      ? `no project named "${project}" is visible to this token (codemyspec projects lists them)`
      : `${named.length} projects are named "${project}": give its id`,
  );
}

/** --project, by id or name. */
export const projectOption = (context: CommandContext): Promise<string> =>
  projectIdOf(context, requireValue(context, 'project'));

/** The positional at `index`, or a usage error naming it. */
export function positional(context: CommandContext, index: number, what: string): string {
  const value = context.positionals[index];
  if (!value) throw new CliError(`${what} is required (see --help)`, 2);
  return value;
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
