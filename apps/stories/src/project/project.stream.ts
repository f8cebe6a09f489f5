/** Projects live in streams named `project-<id>`. */
export const PROJECT_STREAM_TYPE = 'project';

export function projectStreamId(projectId: string): string {
  return `${PROJECT_STREAM_TYPE}-${projectId}`;
}
