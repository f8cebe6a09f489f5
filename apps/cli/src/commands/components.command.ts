import type { Command, CommandContext } from '../command';
import { inputMutation } from '../graphql-client';
import { CliError } from '../cli-error';
import { emit, statusWord, table } from '../output';
import { positional, projectOption } from '../project-ref';

const COMPONENT = 'id name type parentId designStatus testStatus codeStatus';

interface ComponentRow {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
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
    'codemyspec components create --project <id|name> --context <id> --name <name> [--type <t>] [--description <d>]',
  help: [],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    context: { type: 'string', description: 'the context it lives in (id)' },
    name: { type: 'string', description: 'unique in the project; modules use dotted PascalCase' },
    type: { type: 'string', description: 'schema, repository, module, ui, task or other (default)' },
    description: { type: 'string', description: 'what it does' },
  },
  run: async (context) =>
    change(context, 'createComponent', {
      projectId: await projectOption(context),
      parentId: required(context, 'context'),
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
          c.parentId ? `${byId.get(c.parentId) ?? '?'}.${c.name}` : c.name,
          c.type,
          statusWord(context, c.designStatus),
          statusWord(context, c.testStatus),
          statusWord(context, c.codeStatus),
        ]),
        ['ID', 'NAME', 'TYPE', 'DESIGN', 'TESTS', 'CODE'],
      ),
    );
    return 0;
  },
};

export const componentsRenameCommand: Command = {
  path: ['components', 'rename'],
  summary: 'Rename a context or component',
  usage: 'codemyspec components rename <component-id> <new-name>',
  help: [],
  options: {},
  run: (context) =>
    change(context, 'renameComponent', {
      id: positional(context, 0, 'a component id'),
      name: positional(context, 1, 'the new name'),
    }),
};

export const componentsDeleteCommand: Command = {
  path: ['components', 'delete'],
  summary: 'Delete a component (refused while depended on or linked, unless --force)',
  usage: 'codemyspec components delete <component-id> [--force]',
  help: [],
  options: {
    force: { type: 'boolean', description: 'unlink its stories and remove its dependencies first' },
  },
  run: (context) =>
    change(
      context,
      'deleteComponent',
      { id: positional(context, 0, 'a component id'), force: context.values.force === true },
      'id name',
    ),
};

export const componentsLinkCommand: Command = {
  path: ['components', 'link'],
  summary: 'Map a story onto the component that implements it',
  usage: 'codemyspec components link <component-id> <story-id> [--replace]',
  help: [],
  options: { replace: { type: 'boolean', description: 'move the story if it is on another component' } },
  run: (context) =>
    change(context, 'linkStoryToComponent', {
      componentId: positional(context, 0, 'a component id'),
      storyId: positional(context, 1, 'a story id'),
      replace: context.values.replace === true,
    }),
};

export const componentsUnlinkCommand: Command = {
  path: ['components', 'unlink'],
  summary: 'Take a story off a component',
  usage: 'codemyspec components unlink <component-id> <story-id>',
  help: [],
  options: {},
  run: (context) =>
    change(context, 'unlinkStoryFromComponent', {
      componentId: positional(context, 0, 'a component id'),
      storyId: positional(context, 1, 'a story id'),
    }),
};

export const depsAddCommand: Command = {
  path: ['deps', 'add'],
  summary: 'Make one component depend on another (cycles are refused, naming the path)',
  usage: 'codemyspec deps add <from-component-id> <to-component-id>',
  help: [],
  options: {},
  run: (context) =>
    change(context, 'addDependency', {
      fromId: positional(context, 0, 'the dependent component'),
      toId: positional(context, 1, 'the component depended on'),
    }),
};

export const depsRemoveCommand: Command = {
  path: ['deps', 'remove'],
  summary: 'Remove a dependency',
  usage: 'codemyspec deps remove <from-component-id> <to-component-id>',
  help: [],
  options: {},
  run: (context) =>
    change(context, 'removeDependency', {
      fromId: positional(context, 0, 'the dependent component'),
      toId: positional(context, 1, 'the component depended on'),
    }),
};
