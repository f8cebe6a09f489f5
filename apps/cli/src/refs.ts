import type { CommandContext } from './command';
import { CliError } from './cli-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CRITERION_REF = /^AC-[1-9][0-9]*$/i;

export const isUuid = (text: string): boolean => UUID.test(text);

interface Named {
  readonly id: string;
  readonly name: string;
}

/**
 * The one thing `wanted` names among `candidates`: an exact name, else the only name that matches
 * in another case. None: says how to list them; several: lists each with its id.
 */
export function pickByName<T extends Named>(
  candidates: readonly T[],
  wanted: string,
  what: string,
  listedBy: string,
  describe: (item: T) => string = (item) => `${item.name} (${item.id})`,
): T {
  const exact = candidates.filter((c) => c.name === wanted);
  const matches =
    exact.length > 0 ? exact : candidates.filter((c) => c.name.toLowerCase() === wanted.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length === 0)
    throw new CliError(`no ${what} named "${wanted}" is visible to this token (${listedBy} lists them)`);
  throw new CliError(
    `${matches.length} ${what}s are named "${wanted}"; give one by its id:\n${matches.map((m) => `  ${describe(m)}`).join('\n')}`,
  );
}

/** A project given by id or by name (`Shorty`). */
export async function projectIdOf(context: CommandContext, project: string): Promise<string> {
  if (isUuid(project)) return project;
  const { graphql } = await context.connect();
  const { projects } = await graphql<{ projects: Named[] }>('{ projects { id name } }');
  return pickByName(projects, project, 'project', 'codemyspec projects').id;
}

interface ComponentEntry extends Named {
  readonly project: string;
}

/**
 * A component given by id or by name (`Store`, or the full dotted name `Links.Store`): looked for in
 * `--project` when it is given, else in every project the token sees.
 */
export async function componentIdOf(context: CommandContext, component: string): Promise<string> {
  if (isUuid(component)) return component;
  const { graphql } = await context.connect();
  const project = context.values.project;
  const projects =
    typeof project === 'string'
      ? [{ id: await projectIdOf(context, project), name: project }]
      : (await graphql<{ projects: Named[] }>('{ projects { id name } }')).projects;
  const found: ComponentEntry[] = [];
  await Promise.all(
    projects.map(async (p) => {
      const { architecture } = await graphql<{ architecture: { components: Named[] } }>(
        'query($p: ID!) { architecture(projectId: $p) { components { id name } } }',
        { p: p.id },
      );
      for (const c of architecture.components) found.push({ ...c, project: p.name });
    }),
  );
  const shortNames = found.map((c) => ({ ...c, name: c.name.split('.').at(-1)! }));
  const byFullName = found.filter(
    (c) => c.name === component || c.name.toLowerCase() === component.toLowerCase(),
  );
  const candidates = byFullName.length > 0 ? found : shortNames;
  return pickByName(
    candidates,
    component,
    'component',
    'codemyspec components list --project <project>',
    (c) => `${c.name} (${c.id}) in project ${c.project}`,
  ).id;
}

/** A criterion of a story, given by its id or its reference (`AC-3`). */
export async function criterionIdOf(
  context: CommandContext,
  storyId: string,
  criterion: string,
): Promise<string> {
  if (!CRITERION_REF.test(criterion)) return criterion;
  const { graphql } = await context.connect();
  const { story } = await graphql<{ story: { acceptanceCriteria: { id: string; ref: string | null }[] } }>(
    'query($id: ID!) { story(id: $id) { acceptanceCriteria { id ref } } }',
    { id: storyId },
  );
  const match = story.acceptanceCriteria.find((c) => c.ref?.toUpperCase() === criterion.toUpperCase());
  if (!match)
    throw new CliError(
      `story ${storyId} has no criterion ${criterion.toUpperCase()} (its criteria: ${story.acceptanceCriteria.map((c) => c.ref ?? c.id).join(', ') || 'none'})`,
    );
  return match.id;
}
