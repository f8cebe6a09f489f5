import type { McpTool } from './mcp-tool';
import { id, PROMPT, one } from './mcp-tool';

/** Interview, review and context-design prompts. */
export const PROMPT_TOOLS: readonly McpTool[] = [
  {
    name: 'start_story_interview',
    title: 'Start a story interview',
    description:
      "Use when the user wants to discover a project's stories: returns a product-manager interview prompt that knows the stories already written (recorded).",
    input: { projectId: id('project') },
    run: (a, g) =>
      one(
        g,
        `mutation($s: ID!) { issuePrompt(kind: STORY_INTERVIEW, subjectId: $s) { ${PROMPT} } }`,
        { s: a.projectId },
        'issuePrompt',
      ),
  },
  {
    name: 'start_story_review',
    title: 'Start a story review',
    description:
      'Use when the user wants to improve one story: returns a review prompt with its deterministic findings and the other titles (recorded).',
    input: { storyId: id('story') },
    run: (a, g) =>
      one(
        g,
        `mutation($s: ID!) { issuePrompt(kind: STORY_REVIEW, subjectId: $s) { ${PROMPT} } }`,
        { s: a.storyId },
        'issuePrompt',
      ),
  },
  {
    name: 'start_context_design',
    title: 'Start a context design',
    description:
      'Use when the user wants to design a bounded context: returns an architect prompt with its components, dependencies, stories and template (recorded).',
    input: { componentId: id('context') },
    run: (a, g) =>
      one(
        g,
        `mutation($s: ID!) { issuePrompt(kind: CONTEXT_DESIGN, subjectId: $s) { ${PROMPT} } }`,
        { s: a.componentId },
        'issuePrompt',
      ),
  },
  {
    name: 'review_story_with_ai',
    title: 'Review a story with the LLM',
    description:
      'Use to have the configured LLM score one story with findings (recorded); without an LLM it returns the deterministic review.',
    input: { storyId: id('story') },
    run: (a, g) =>
      one(
        g,
        `mutation($id: ID!) { reviewStoryWithAi(id: $id) { id storyId storyVersion source fallbackReason score findings { rule severity message } } }`,
        { id: a.storyId },
        'reviewStoryWithAi',
      ),
  },
];
