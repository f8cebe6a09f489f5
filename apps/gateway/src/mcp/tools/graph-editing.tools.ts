import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, COMPONENT, one } from './mcp-tool';

/** Renaming, describing and deleting components and contexts; accepting a proposed component; waiving a change. */
export const GRAPH_EDITING_TOOLS: readonly McpTool[] = [
  {
    name: 'rename_component',
    title: 'Rename a component or context',
    description: 'The new name must be unique in the project; modules keep dotted PascalCase.',
    input: { id: id('component'), name: z.string().min(1) },
    run: (a, g) =>
      one(
        g,
        `mutation($i: RenameComponentInput!) { renameComponent(input: $i) { ${COMPONENT} } }`,
        { i: a },
        'renameComponent',
      ),
  },
  {
    name: 'update_component',
    title: 'Change the description of a component or context',
    description: 'Replaces the description.',
    input: { id: id('component'), description: z.string() },
    run: (a, g) =>
      one(
        g,
        `mutation($i: UpdateComponentInput!) { updateComponent(input: $i) { ${COMPONENT} } }`,
        { i: a },
        'updateComponent',
      ),
  },
  {
    name: 'delete_component',
    title: 'Delete a component or context',
    description:
      'Refused (CONFLICT naming the dependents and linked stories) while anything depends on it or stories are linked, unless force is true: then the stories are unlinked and its dependencies removed. A context with components is always refused.',
    input: { id: id('component'), force: z.boolean().default(false) },
    run: (a, g) =>
      one(
        g,
        `mutation($i: DeleteComponentInput!) { deleteComponent(input: $i) {
          id name unlinkedStoryIds removedDependencies { fromId toId } } }`,
        { i: a },
        'deleteComponent',
      ),
  },
  {
    name: 'accept_proposed_component',
    title: 'Create a component that a context design proposes',
    description:
      "Creates (type other) a component listed under Components in the context's accepted design; any other name is BAD_USER_INPUT listing what the design proposes.",
    input: { contextId: id('context'), name: z.string().min(1) },
    run: (a, g) =>
      one(
        g,
        `mutation($i: AcceptProposedComponentInput!) { acceptProposedComponent(input: $i) { ${COMPONENT} } }`,
        { i: a },
        'acceptProposedComponent',
      ),
  },
  {
    name: 'accept_design_as_current',
    title: 'Declare that a change needs no rework',
    description:
      'A DIRTY component is current again (a typo fix): its design and evidence stand; the waived causes are recorded with the reason and the caller. CONFLICT when it is not DIRTY.',
    input: { componentId: id('component'), reason: z.string().min(1).max(1000) },
    run: (a, g) =>
      one(
        g,
        `mutation($i: AcceptDesignAsCurrentInput!) { acceptDesignAsCurrent(input: $i) { ${COMPONENT} } }`,
        { i: a },
        'acceptDesignAsCurrent',
      ),
  },
];
