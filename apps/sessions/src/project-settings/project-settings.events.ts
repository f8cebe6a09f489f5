/** A project's sandbox image and test command were set (stream `project-sandbox-<projectId>`). */
export interface ProjectSandboxConfigured {
  readonly type: 'ProjectSandboxConfigured';
  readonly data: { readonly image: string | null; readonly testCommand: string | null; readonly at: string };
}

export type ProjectSettingsEvent = ProjectSandboxConfigured;

export function projectSettingsStreamId(projectId: string): string {
  return `project-sandbox-${projectId}`;
}
