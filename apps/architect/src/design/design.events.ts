import { DESIGN_STREAM } from '@app/domain';

/** A submitted design version, valid or not (stream `design-<componentId>`). */
export interface DesignSubmitted {
  readonly type: 'DesignSubmitted';
  readonly data: {
    readonly designId: string;
    readonly componentId: string;
    /** Added later (absent from older events): the component's and its context's names when it was submitted. */
    readonly componentName?: string;
    readonly contextName?: string | null;
    readonly version: number;
    readonly markdown: string;
    readonly sha256: string;
    readonly valid: boolean;
    readonly errors: readonly { code: string; message: string; section: string | null }[];
    readonly proposedComponents: readonly string[];
    readonly testAssertions: readonly string[];
    readonly at: string;
  };
}

export type DesignEvent = DesignSubmitted;

export function designStreamId(componentId: string): string {
  return `${DESIGN_STREAM}-${componentId}`;
}
