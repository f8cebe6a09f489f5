import type { McpTool } from './tools/mcp-tool';
import { PROJECT_TOOLS } from './tools/project.tools';
import { STORY_TOOLS } from './tools/story.tools';
import { PROMPT_TOOLS } from './tools/prompt.tools';
import { ARCHITECTURE_TOOLS } from './tools/architecture.tools';
import { GRAPH_EDITING_TOOLS } from './tools/graph-editing.tools';
import { DESIGN_TOOLS } from './tools/design.tools';
import { SESSION_TOOLS } from './tools/session.tools';
import { TRACEABILITY_TOOLS } from './tools/traceability.tools';
import { WORKFLOW_TOOLS } from './tools/workflow.tools';

export type { McpTool } from './tools/mcp-tool';

/**
 * The CodeMySpec tools (snake_case, as API.md names them), each a thin adapter over the public
 * GraphQL API, grouped by area in tools/.
 */
export const MCP_TOOLS: readonly McpTool[] = [
  ...PROJECT_TOOLS,
  ...STORY_TOOLS,
  ...PROMPT_TOOLS,
  ...ARCHITECTURE_TOOLS,
  ...GRAPH_EDITING_TOOLS,
  ...DESIGN_TOOLS,
  ...SESSION_TOOLS,
  ...TRACEABILITY_TOOLS,
  ...WORKFLOW_TOOLS,
];
