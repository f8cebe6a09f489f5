import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, DESIGN, one } from './mcp-tool';

/** Designs and context bundles. */
export const DESIGN_TOOLS: readonly McpTool[] = [
  {
    name: 'submit_design',
    title: 'Submit a design',
    description:
      "Use to store a component's design document once validate_design passes; the newest valid version becomes the accepted one (an invalid one is stored with its errors).",
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
      "Use to read a component's accepted design (or a given version, or with history every version) before writing tests or code.",
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
    description:
      'Use to see exactly what an automated TESTS or CODE session would give the model for a component, as markdown with its items.',
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
