/** What the component page reads of a component: itself, its designs and its runs. */
export interface ComponentData {
  component: {
    id: string;
    projectId: string;
    name: string;
    type: string;
    description: string;
    designStatus: string;
    testStatus: string;
    codeStatus: string;
    dirtyCauses: { kind: string; summary: string; at: string }[];
    stories: {
      id: string;
      title: string;
      acceptanceCriteria: { ref: string | null; description: string }[];
    }[];
  };
  designHistory: {
    version: number;
    valid: boolean;
    accepted: boolean;
    submittedAt: string;
    errors: { code: string; message: string }[];
  }[];
  sandboxRuns: {
    id: string;
    outcome: string;
    evidence: string;
    evidenceReason: string;
    testsPassed: number;
    testsFailed: number;
    durationMs: number;
    tests: { name: string; status: string; failureKind: string | null }[];
  }[];
}
