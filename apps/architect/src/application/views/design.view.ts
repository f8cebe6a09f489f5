/** What queries tell about designs; the GraphQL layer serves these as `DesignDocument`, `DesignDiff`, `DesignValidation`. */
export interface DesignErrorView {
  readonly code: string;
  readonly message: string;
  readonly section: string | null;
}

export interface DesignDocumentView {
  readonly id: string;
  readonly componentId: string;
  readonly version: number;
  readonly markdown: string;
  readonly valid: boolean;
  readonly accepted: boolean;
  readonly errors: readonly DesignErrorView[];
  readonly proposedComponents: readonly string[];
  readonly testAssertions: readonly string[];
  readonly sha256: string;
  readonly submittedAt: string;
  readonly submittedBy: string | null;
}

export interface DesignDiffView {
  readonly componentId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly diff: string;
}

export interface DesignValidationView {
  readonly componentId: string;
  readonly valid: boolean;
  readonly errors: readonly DesignErrorView[];
  readonly proposedComponents: readonly string[];
  readonly testAssertions: readonly string[];
}
