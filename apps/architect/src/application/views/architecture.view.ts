import type { DirtyCause } from '../../architecture/dirty-cause';
import type { CodeStatus, DesignStatus, TestStatus } from '../../architecture/architecture.state';
import type { NextActionKind } from '../../next-actions/next-action';

/** What a query tells about one component; the GraphQL layer serves it as the `Component` type. */
export interface ComponentView {
  readonly id: string;
  readonly projectId: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly moduleName: string | null;
  readonly designStatus: DesignStatus;
  readonly testStatus: TestStatus;
  readonly codeStatus: CodeStatus;
  readonly acceptedDesignVersion: number | null;
  /** Why the work is stale: every upstream change since the design was accepted (empty when not DIRTY). */
  readonly dirtyCauses: readonly DirtyCause[];
  readonly createdAt: string;
  readonly storyIds: readonly string[];
  readonly dependsOn: readonly string[];
  readonly dependedOnBy: readonly string[];
}

export interface DependencyEdgeView {
  readonly from: ComponentView;
  readonly to: ComponentView;
}

export interface HealthFindingView {
  readonly rule: string;
  readonly severity: string;
  readonly componentId: string;
  readonly message: string;
}

export interface ArchitectureHealthView {
  readonly score: number;
  readonly level: string;
  readonly storyCoverage: number;
  readonly findings: readonly HealthFindingView[];
}

export interface ArchitectureView {
  readonly projectId: string;
  readonly components: readonly ComponentView[];
  readonly dependencies: readonly DependencyEdgeView[];
  readonly layers: readonly (readonly ComponentView[])[];
  readonly orphanedContexts: readonly ComponentView[];
  readonly health: ArchitectureHealthView;
  readonly mermaid: string;
  readonly cycle: readonly string[];
}

export interface NextActionView {
  readonly component: ComponentView;
  readonly action: NextActionKind;
  readonly reason: string;
}
