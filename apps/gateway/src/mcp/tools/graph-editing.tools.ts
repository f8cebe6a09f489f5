import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, COMPONENT, one } from './mcp-tool';

/** Renaming, describing and deleting components and contexts; accepting a proposed component; waiving a change. */
export const GRAPH_EDITING_TOOLS: readonly McpTool[] = [
  {
    name: 'rename_component',
    title: 'Rename a component or context',
    description:
      'Use to rename a context or component; the new name must be unique in the project (modules keep dotted PascalCase).',
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
    description: "Use to replace a component's description.",
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
      'Use to remove a component; refused (CONFLICT naming dependents and linked stories) unless force is true, which unlinks its stories and removes its dependencies first.',
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
      "Use to create a component that a context's accepted design lists under Components (type other); any other name is refused with the list it proposes.",
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
      "Use when a DIRTY component's design still holds (a typo fix upstream): waives its causes (all, or those named by source and version) with your reason, keeping its design. A criterion whose text changed is VERIFIED again only after a green run, unless keepEvidenceFor names it (AC-n).",
    input: {
      componentId: id('component'),
      reason: z.string().min(1).max(1000),
      causes: z
        .array(z.object({ source: z.string(), version: z.number().int() }))
        .optional()
        .describe('the causes to waive, as dirtyCauses lists them; default: every one'),
      keepEvidenceFor: z
        .array(z.string())
        .optional()
        .describe('criteria (AC-n) whose changed text the tests that already passed still verify'),
    },
    run: (a, g) =>
      one(
        g,
        `mutation($i: AcceptDesignAsCurrentInput!) { acceptDesignAsCurrent(input: $i) { ${COMPONENT} } }`,
        { i: a },
        'acceptDesignAsCurrent',
      ),
  },
];
