import type {
  ComponentWentStale,
  Publication,
  PublicArchitectEvent,
  PublicDesignSubmitted,
  ServicePublication,
} from '@app/domain';
import { ARCHITECTURE_STREAM, AUDIT_ONLY, DESIGN_STREAM } from '@app/domain';
import type { ArchitectureEvent } from '../architecture/architecture.events';
import type { DirtyCauseKind } from '../architecture/dirty-cause';
import type { DesignEvent } from '../design/design.events';

/** Every design version, with its text and its validation, for the git record (and the timeline). */
export const designPublication: Publication<DesignEvent, PublicDesignSubmitted> = {
  DesignSubmitted: (data) => ({
    type: 'DesignSubmitted',
    data: {
      designId: data.designId,
      componentId: data.componentId,
      ...(data.componentName === undefined ? {} : { componentName: data.componentName }),
      ...(data.contextName === undefined ? {} : { contextName: data.contextName }),
      version: data.version,
      markdown: data.markdown,
      sha256: data.sha256,
      valid: data.valid,
      errors: data.errors.map((e) => ({ code: e.code, message: e.message, section: e.section })),
      proposedComponents: [...data.proposedComponents],
      testAssertions: [...data.testAssertions],
      at: data.at,
    },
  }),
};

/** The causes a `ComponentWentStale` carries (story causes come as `ComponentMarkedDirty`). */
function publicStaleKind(kind: DirtyCauseKind): ComponentWentStale['data']['kind'] {
  if (kind === 'STORY_LINKED' || kind === 'STORY_UNLINKED' || kind === 'DESIGN_CHANGED') return kind;
  return 'DEPENDENCY_CHANGED';
}

/** The architecture events other services act on, field by field onto the public contract. */
export const architecturePublication: Publication<ArchitectureEvent, PublicArchitectEvent> = {
  StoryMappedToComponent: (data) => ({
    type: 'StoryMappedToComponent',
    data: {
      storyId: data.storyId,
      componentId: data.componentId,
      componentName: data.componentName,
      at: data.at,
    },
  }),
  StoryUnmappedFromComponent: (data) => ({
    type: 'StoryUnmappedFromComponent',
    data: { storyId: data.storyId, componentId: data.componentId, at: data.at },
  }),
  ComponentMarkedDirty: (data) => ({
    type: 'ComponentMarkedDirty',
    data: {
      componentId: data.componentId,
      componentName: data.componentName,
      storyId: data.storyId,
      storyVersion: data.storyVersion,
      reason: data.reason,
      at: data.at,
    },
  }),
  ComponentWentStale: (data) => ({
    type: 'ComponentWentStale',
    data: {
      componentId: data.componentId,
      componentName: data.componentName,
      storyIds: [...data.storyIds],
      kind: publicStaleKind(data.cause.kind),
      summary: data.cause.summary,
      at: data.at,
    },
  }),
  ComponentCreated: AUDIT_ONLY,
  DependencyAdded: AUDIT_ONLY,
  DependencyRemoved: AUDIT_ONLY,
  ComponentDesignRecorded: AUDIT_ONLY,
  ComponentTestEvidenceRecorded: AUDIT_ONLY,
  ComponentRenamed: AUDIT_ONLY,
  ComponentDescribed: AUDIT_ONLY,
  ComponentDeleted: AUDIT_ONLY,
  ComponentDirtinessWaived: AUDIT_ONLY,
  StoryVerified: (data) => ({
    type: 'StoryVerified',
    data: {
      componentId: data.componentId,
      componentName: data.componentName,
      storyId: data.storyId,
      runId: data.runId,
      at: data.at,
    },
  }),
  ComponentDirtinessCleared: (data) => ({
    type: 'ComponentDirtinessCleared',
    data: {
      componentId: data.componentId,
      componentName: data.componentName,
      storyIds: [...data.storyIds],
      how: data.how,
      at: data.at,
    },
  }),
};

/** What the architect publishes, by stream type: designs are on the audit timeline only. */
export const architectPublication: ServicePublication = {
  [ARCHITECTURE_STREAM]: architecturePublication,
  [DESIGN_STREAM]: designPublication,
};
