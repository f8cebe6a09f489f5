import type { McpTool } from './mcp-tool';
import { id, PROMPT, one } from './mcp-tool';

/** Interview, review and context-design prompts. */
export const PROMPT_TOOLS: readonly McpTool[] = [
  {
    name: 'start_story_interview',
    title: 'Start a story interview',
    description:
      "A product-manager prompt to find the project's stories with the user, embedding the current stories (recorded).",
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
      'A product-manager prompt to review one story with its author, embedding the story, its deterministic review and the other titles (recorded).',
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
      'An architect prompt to design one bounded context, embedding its components, dependencies, stories and template (recorded).',
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
      'A structured review (score, findings with rule ids) by the configured LLM, recorded; the deterministic review without one.',
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
