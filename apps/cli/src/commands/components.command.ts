import type { Command, CommandContext } from '../command';
import { inputMutation } from '../graphql-client';
import { CliError } from '../cli-error';
import { emit, statusWord, table } from '../output';
import { componentAndArguments, componentIdOf, positionals, projectOption } from '../project-ref';

const COMPONENT = 'id name moduleName type parentId designStatus testStatus codeStatus';

interface ComponentRow {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  moduleName: string | null;
  designStatus: string;
  testStatus: string;
  codeStatus: string;
}

/** One architect mutation taking an input; prints the component's id (or JSON). */
async function change(
  context: CommandContext,
  mutation: string,
  input: Record<string, unknown>,
  fields = COMPONENT,
) {
  const { graphql } = await context.connect();
  const result = await inputMutation<{ id?: string; name?: string }>(graphql, mutation, input, fields);
  emit(context, result, () => result.id ?? JSON.stringify(result));
  return 0;
}

const required = (context: CommandContext, name: string): string => {
  const value = context.values[name];
  if (typeof value !== 'string' || !value) throw new CliError(`--${name} is required (see --help)`, 2);
  return value;
};

export const contextsCreateCommand: Command = {
  path: ['contexts', 'create'],
  summary: 'Create a bounded context (DOMAIN or COORDINATION)',
  usage:
    'codemyspec contexts create --project <id|name> --name <name> [--type DOMAIN|COORDINATION] [--description <d>]',
  help: [],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    name: { type: 'string', description: 'unique in the project' },
    type: { type: 'string', description: 'DOMAIN (default) or COORDINATION' },
    description: { type: 'string', description: 'what it owns' },
  },
  run: async (context) =>
    change(context, 'createContext', {
      projectId: await projectOption(context),
      name: required(context, 'name'),
      type: typeof context.values.type === 'string' ? context.values.type.toUpperCase() : 'DOMAIN',
      description: context.values.description ?? '',
    }),
};

export const componentsCreateCommand: Command = {
  path: ['components', 'create'],
  summary: 'Create a component in a context',
  usage:
    'codemyspec components create --project <id|name> --context <context> --name <name> [--type <t>] [--description <d>]',
  help: [
    "Names are unique in the project. A module's name is PascalCase, dotted for nesting (Store,",
    "Checkout.Payment); in code it lives under its context's module name: --name Store in context",
    'Links is the module Links.Store (--name Links.Store gives the same module: no double prefix).',
  ],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    context: { type: 'string', description: 'the context it lives in (name or id)' },
    name: { type: 'string', description: 'unique in the project; modules: PascalCase, dotted for nesting' },
    type: { type: 'string', description: 'schema, repository, module, ui, task or other (default)' },
    description: { type: 'string', description: 'what it does' },
  },
  run: async (context) =>
    change(context, 'createComponent', {
      projectId: await projectOption(context),
      parentId: await componentIdOf(context, required(context, 'context')),
      name: required(context, 'name'),
      type: context.values.type ?? 'other',
      description: context.values.description ?? '',
    }),
};

export const componentsListCommand: Command = {
  path: ['components', 'list'],
  summary: "A project's contexts and components with their design, test and code status",
  usage: 'codemyspec components list --project <id|name>',
  help: [],
  options: { project: { type: 'string', description: 'the project (id or name)' } },
  async run(context) {
    const projectId = await projectOption(context);
    const { graphql } = await context.connect();
    const { architecture } = await graphql<{ architecture: { components: ComponentRow[] } }>(
      `query($p: ID!) { architecture(projectId: $p) { components { ${COMPONENT} } } }`,
      { p: projectId },
    );
    const byId = new Map(architecture.components.map((c) => [c.id, c.name]));
    emit(context, architecture.components, () =>
      table(
        architecture.components.map((c) => [
          c.id,
          c.name,
          c.parentId ? (byId.get(c.parentId) ?? '?') : '',
          c.moduleName ?? '',
          c.type,
          statusWord(context, c.designStatus),
          statusWord(context, c.testStatus),
          statusWord(context, c.codeStatus),
        ]),
        ['ID', 'NAME', 'CONTEXT', 'MODULE', 'TYPE', 'DESIGN', 'TESTS', 'CODE'],
      ),
    );
    return 0;
  },
};

export const componentsRenameCommand: Command = {
  path: ['components', 'rename'],
  summary: 'Rename a context or component',
  usage: 'codemyspec components rename <component> <new-name>',
  help: ['<component>  a component name or id'],
  options: {
    component: { type: 'string', description: 'the component (name or id), instead of the first argument' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  run: async (context) => {
    const { componentId, rest } = await componentAndArguments(context, ['the new name']);
    return change(context, 'renameComponent', { id: componentId, name: rest[0] });
  },
};

export const componentsDeleteCommand: Command = {
  path: ['components', 'delete'],
  summary: 'Delete a component (refused while depended on or linked, unless --force)',
  usage: 'codemyspec components delete <component> [--force]',
  help: ['<component>  a component name or id'],
  options: {
    force: { type: 'boolean', description: 'unlink its stories and remove its dependencies first' },
    component: { type: 'string', description: 'the component (name or id), instead of the first argument' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  run: async (context) =>
    change(
      context,
      'deleteComponent',
      { id: (await componentAndArguments(context, [])).componentId, force: context.values.force === true },
      'id name',
    ),
};

export const componentsLinkCommand: Command = {
  path: ['components', 'link'],
  summary: 'Map a story onto the component that implements it',
  usage: 'codemyspec components link <component> <story-id> [--replace]',
  help: ['<component>  a component name or id'],
  options: {
    replace: { type: 'boolean', description: 'move the story if it is on another component' },
    component: { type: 'string', description: 'the component (name or id), instead of the first argument' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  run: async (context) => {
    const { componentId, rest } = await componentAndArguments(context, ['the story id']);
    return change(context, 'linkStoryToComponent', {
      componentId,
      storyId: rest[0],
      replace: context.values.replace === true,
    });
  },
};

export const componentsUnlinkCommand: Command = {
  path: ['components', 'unlink'],
  summary: 'Take a story off a component',
  usage: 'codemyspec components unlink <component> <story-id>',
  help: ['<component>  a component name or id'],
  options: {
    component: { type: 'string', description: 'the component (name or id), instead of the first argument' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  run: async (context) => {
    const { componentId, rest } = await componentAndArguments(context, ['the story id']);
    return change(context, 'unlinkStoryFromComponent', { componentId, storyId: rest[0] });
  },
};

export const depsAddCommand: Command = {
  path: ['deps', 'add'],
  summary: 'Make one component depend on another (cycles are refused, naming the path)',
  usage: 'codemyspec deps add <from-component> <to-component>',
  help: ['Components by name or id: the first depends on the second.'],
  options: { project: { type: 'string', description: 'where to look for components given by name' } },
  run: async (context) => {
    const [from, to] = positionals(context, ['the dependent component', 'the component depended on']);
    return change(context, 'addDependency', {
      fromId: await componentIdOf(context, from),
      toId: await componentIdOf(context, to),
    });
  },
};

export const depsRemoveCommand: Command = {
  path: ['deps', 'remove'],
  summary: 'Remove a dependency',
  usage: 'codemyspec deps remove <from-component> <to-component>',
  help: ['Components by name or id.'],
  options: { project: { type: 'string', description: 'where to look for components given by name' } },
  run: async (context) => {
    const [from, to] = positionals(context, ['the dependent component', 'the component depended on']);
    return change(context, 'removeDependency', {
      fromId: await componentIdOf(context, from),
      toId: await componentIdOf(context, to),
    });
  },
};
