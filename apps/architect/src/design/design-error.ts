/** Stable codes of the design errors. */
export const DESIGN_ERROR_CODES = [
  'missing-title',
  'duplicate-title',
  'title-mismatch',
  'unknown-section',
  'duplicate-section',
  'missing-section',
  'empty-section',
  'missing-component',
  'missing-dependency',
  'unexpected-dependency',
  'empty-test-assertions',
  'uncited-criterion',
  'unknown-criterion',
] as const;
export type DesignErrorCode = (typeof DESIGN_ERROR_CODES)[number];

export interface DesignError {
  readonly code: DesignErrorCode;
  readonly message: string;
  /** The section (H2 name) the error is about; null for the title. */
  readonly section: string | null;
}
