/**
 * Submitting a design: the architecture has already validated the markdown (against the graph as
 * it stands); the document's content hash and id come in with the command, like the time.
 */
export interface SubmitDesign {
  readonly type: 'SubmitDesign';
  readonly designId: string;
  readonly componentId: string;
  readonly componentName: string;
  /** The name of the context it belongs to (its own, for a context). */
  readonly contextName: string | null;
  readonly markdown: string;
  readonly sha256: string;
  readonly validation: {
    readonly valid: boolean;
    readonly errors: readonly { code: string; message: string; section: string | null }[];
    readonly proposedComponents: readonly string[];
    readonly testAssertions: readonly string[];
  };
  readonly at: string;
}
