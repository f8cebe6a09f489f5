import { deciderSpec } from '@app/testing/decider-spec';
import { DomainError, ValidationError } from '@app/domain';
import { sessionDecider } from './session.decider';
import type { SessionEvent, SessionStarted } from './session.events';

const AT = '2026-12-01T10:00:00.000Z';
const started: SessionStarted = {
  type: 'SessionStarted',
  data: {
    sessionId: '00000000-0000-4000-8000-000000000001',
    projectId: '00000000-0000-4000-8000-0000000000aa',
    componentId: '00000000-0000-4000-8000-0000000000cc',
    componentName: 'Totals',
    sessionType: 'DESIGN',
    parentId: null,
    maxIterations: 1,
    budget: { maxLlmCalls: 5, maxTokens: 1000 },
    startedBy: {
      subject: 't',
      role: 'EDITOR',
      projectId: '00000000-0000-4000-8000-0000000000aa',
      actor: 'editor',
    },
    correlationId: 'corr',
    parameters: { model: 'm', temperature: 0, maxTokens: null },
    at: AT,
  },
};
const stepStarted = (
  step: 'generate_design' | 'validate_design' | 'revise_design',
  attempt = 1,
): SessionEvent => ({
  type: 'StepStarted',
  data: { step, attempt, runId: null, at: AT },
});
const spec = deciderSpec(sessionDecider);

describe('session decider', () => {
  // Each case asserts through the spec helper's then/thenThrows; make sure every one does.
  beforeEach(() => expect.hasAssertions());

  it('starts a session, refusing an out-of-range iteration limit', () => {
    spec.given([]).when({ type: 'StartSession', data: started.data }).then([started]);
    spec
      .given([])
      .when({ type: 'StartSession', data: { ...started.data, maxIterations: 0 } })
      .thenThrows(ValidationError, /cannot start/);
    spec
      .given([started])
      .when({ type: 'StartSession', data: started.data })
      .thenThrows(DomainError, /exists already/);
  });

  it('numbers the attempts of a step, and a resumed BeginStep of the step in flight is a no-op', () => {
    spec
      .given([started])
      .when({ type: 'BeginStep', step: 'generate_design', runId: null, at: AT })
      .then([stepStarted('generate_design')]);
    spec
      .given([started, stepStarted('generate_design')])
      .when({ type: 'BeginStep', step: 'generate_design', runId: null, at: AT })
      .then([]);
    spec
      .given([started, stepStarted('generate_design')])
      .when({ type: 'BeginStep', step: 'validate_design', runId: null, at: AT })
      .thenThrows(DomainError, /still running/);
  });

  it('completes a step and, when the router says so, ends the session in the same decision', () => {
    const draft = {
      type: 'StepCompleted' as const,
      data: {
        step: 'generate_design' as const,
        attempt: 1,
        outcome: 'SUCCEEDED' as const,
        detail: '',
        result: { kind: 'draft' as const, designSha256: 'a' },
        at: AT,
      },
    };
    const invalid = {
      step: 'validate_design' as const,
      attempt: 1,
      outcome: 'FAILED' as const,
      detail: '',
      result: {
        kind: 'validation' as const,
        valid: false,
        errors: [{ code: 'c', message: 'm', section: null }],
      },
      at: AT,
    };
    const revise = {
      type: 'StepCompleted' as const,
      data: { ...draft.data, step: 'revise_design' as const },
    };
    spec
      .given([started, stepStarted('generate_design'), draft, stepStarted('validate_design')])
      .when({ type: 'CompleteStep', data: invalid })
      .then([{ type: 'StepCompleted', data: invalid }]);
    spec
      .given([
        started,
        stepStarted('generate_design'),
        draft,
        stepStarted('validate_design'),
        { type: 'StepCompleted', data: invalid },
        stepStarted('revise_design'),
        revise,
        stepStarted('validate_design', 2),
      ])
      .when({ type: 'CompleteStep', data: { ...invalid, attempt: 2 } })
      .then([
        { type: 'StepCompleted', data: { ...invalid, attempt: 2 } },
        {
          type: 'SessionFailed',
          data: { reason: 'the design is still invalid after 1 revision(s): c: m', at: AT },
        },
      ]);
  });

  it('refuses to complete a step that is not running, and anything once the session ended', () => {
    const complete = {
      type: 'CompleteStep' as const,
      data: {
        step: 'generate_design' as const,
        attempt: 1,
        outcome: 'SUCCEEDED' as const,
        detail: '',
        result: { kind: 'draft' as const, designSha256: 'a' },
        at: AT,
      },
    };
    spec
      .given([started])
      .when(complete)
      .thenThrows(DomainError, /no step generate_design #1 is running/);
    const cancelled: SessionEvent = { type: 'SessionCancelled', data: { by: 'editor', at: AT } };
    spec
      .given([started, cancelled])
      .when({ type: 'BeginStep', step: 'generate_design', runId: null, at: AT })
      .thenThrows(DomainError, /already CANCELLED/);
    spec.given([started, cancelled]).when({ type: 'CancelSession', by: 'x', at: AT }).then([]);
    spec.given([started]).when({ type: 'CancelSession', by: 'editor', at: AT }).then([cancelled]);
    spec
      .given([started, { type: 'SessionFailed', data: { reason: 'r', at: AT } }])
      .when({ type: 'CancelSession', by: 'x', at: AT })
      .thenThrows(DomainError, /already FAILED/);
  });
});
