/** What a piece of an LLM's context is. */
export type ContextItemKind = 'instruction' | 'story' | 'design' | 'test' | 'code' | 'error';

/**
 * One recorded piece of a context: where it came from (the aggregate and its version) and a
 * fingerprint of exactly the text that went in.
 */
export interface ContextItem {
  readonly kind: ContextItemKind;
  /** The source aggregate (`story-<id>`, `design-<componentId>`, `workspace-<projectId>:<path>`, `sandbox-run-<id>`, `instruction:<name>`, …). */
  readonly source: string;
  readonly version: number;
  readonly sha256: string;
  readonly tokens: number;
}

/** A piece before it is fingerprinted: its text and the heading it goes under. */
export interface ContextPiece {
  readonly kind: ContextItemKind;
  readonly source: string;
  readonly version: number;
  readonly title: string;
  readonly content: string;
}
