import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, DESIGN, one } from './mcp-tool';

/** Designs and context bundles. */
export const DESIGN_TOOLS: readonly McpTool[] = [
  {
    name: 'submit_design',
    title: 'Submit a design',
    description: 'Stores a design version (valid or not, with its errors); the newest valid one is accepted.',
    input: {
      componentId: id('component'),
      markdown: z.string().min(1).describe('The design document (see the design template resources).'),
    },
    run: (a, g) =>
      one(
        g,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { ${DESIGN} } }`,
        { i: a },
        'submitDesign',
      ),
  },
  {
    name: 'get_design',
    title: 'Get a design',
    description:
      'A version of the design, or the accepted one without a version; with history, every version.',
    input: {
      componentId: id('component'),
      version: z.number().int().min(1).optional(),
      history: z.boolean().default(false),
    },
    run: (a, g) =>
      a.history
        ? one(
            g,
            `query($c: ID!) { designHistory(componentId: $c) { ${DESIGN} } }`,
            { c: a.componentId },
            'designHistory',
          )
        : one(
            g,
            `query($c: ID!, $v: Int) { design(componentId: $c, version: $v) { ${DESIGN} } }`,
            { c: a.componentId, v: a.version },
            'design',
          ),
  },
  {
    name: 'get_context_bundle',
    title: 'Get a context bundle',
    description: 'Exactly what a TESTS or CODE session would give the LLM, as markdown with its items.',
    input: { componentId: id('component'), purpose: z.enum(['TESTS', 'CODE']) },
    run: (a, g) =>
      one(
        g,
        `query($c: ID!, $p: ContextPurpose!) { contextBundle(componentId: $c, purpose: $p) { markdown contextHash items { kind source version sha256 tokens } } }`,
        { c: a.componentId, p: a.purpose },
        'contextBundle',
      ),
  },
];
