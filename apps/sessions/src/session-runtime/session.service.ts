import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@app/platform';
import { authorize, canRead, DomainError, isUuid, NotFoundError, ValidationError } from '@app/domain';
import { ArchitectClient } from '../clients/architect-client';
import { LlmNotConfiguredError } from '../llm/llm.port';
import { SandboxProvider } from '../sandbox/sandbox-provider';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config';
import { WritableProjects } from '../projects/writable-projects';
import { LlmLedger } from './llm-ledger';
import { SessionInputs } from './session-inputs';
import { SessionWorker } from './session-worker';
import type { SessionType } from '../session/session.events';
import { SESSION_TYPES } from '../session/session.events';
import { SessionRepository } from './session.repository';
import type { SessionState } from '../session/session.state';
import { SessionStarter } from './session-starter';

export interface StartSessionCommand {
  readonly componentId: string;
  readonly type: SessionType;
  readonly maxIterations?: number | null;
  /** A tighter budget than the deployment's (never a larger one). */
  readonly maxLlmCalls?: number | null;
  readonly maxTokens?: number | null;
}

const CONTEXT_TYPES = ['context', 'coordination_context'];

/** Starting, cancelling and reading sessions; the worker drives them. */
@Injectable()
export class SessionService {
  constructor(
    private readonly repository: SessionRepository,
    private readonly architect: ArchitectClient,
    private readonly inputs: SessionInputs,
    private readonly ledger: LlmLedger,
    private readonly sandbox: SandboxProvider,
    private readonly starter: SessionStarter,
    private readonly worker: SessionWorker,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
    private readonly projects: WritableProjects,
  ) {}

  async start(context: RequestContext, command: StartSessionCommand): Promise<SessionState> {
    if (!(SESSION_TYPES as readonly string[]).includes(command.type))
      throw new ValidationError(`unknown session type ${command.type}`, [
        { field: 'type', message: `one of ${SESSION_TYPES.join(', ')}` },
      ]);
    if (!this.ledger.configured) throw new LlmNotConfiguredError();
    const component = await this.architect.component(context, command.componentId);
    authorize(context.identity, component.projectId, 'write', { what: 'component', id: command.componentId });
    await this.projects.assert(component.projectId);
    const limits = this.config.budgets;
    const problems: { field: string; message: string }[] = [];
    if (
      command.maxLlmCalls !== null &&
      command.maxLlmCalls !== undefined &&
      (command.maxLlmCalls < 1 || command.maxLlmCalls > limits.maxLlmCalls)
    )
      problems.push({ field: 'maxLlmCalls', message: `must be between 1 and ${limits.maxLlmCalls}` });
    if (
      command.maxTokens !== null &&
      command.maxTokens !== undefined &&
      (command.maxTokens < 1 || command.maxTokens > limits.maxTokens)
    )
      problems.push({ field: 'maxTokens', message: `must be between 1 and ${limits.maxTokens}` });
    if (problems.length > 0) throw new ValidationError('the session budget is out of range', problems);
    if (command.type === 'COMPONENT_DESIGNS' && !CONTEXT_TYPES.includes(component.type))
      throw new ValidationError('COMPONENT_DESIGNS sessions run on a context', [
        { field: 'componentId', message: `${component.name} is a ${component.type}, not a context` },
      ]);
    if (command.type === 'TESTS' && component.acceptedDesignVersion === null)
      throw new ValidationError(
        'the component has no accepted design: run a DESIGN session or submit a valid design first',
        [{ field: 'componentId', message: 'no accepted design' }],
      );
    if (command.type === 'TESTS' || command.type === 'CODE') await this.sandbox.available();
    if (command.type === 'CODE') {
      if (component.acceptedDesignVersion === null)
        throw new ValidationError('the component has no accepted design', [
          { field: 'componentId', message: 'no accepted design' },
        ]);
      if (!(await this.inputs.redBasis(component.id)))
        throw new ValidationError(
          'the component has no red test run: run a TESTS session (or record failing tests) first',
          [{ field: 'componentId', message: 'no red test run' }],
        );
    }
    return this.starter.start({
      sessionId: randomUUID(),
      projectId: component.projectId,
      componentId: component.id,
      componentName: component.name,
      type: command.type,
      parentId: null,
      maxIterations: command.maxIterations ?? this.config.defaultMaxIterations,
      budget: {
        maxLlmCalls: command.maxLlmCalls ?? limits.maxLlmCalls,
        maxTokens: command.maxTokens ?? limits.maxTokens,
      },
      identity: context.identity,
      correlationId: context.correlationId,
    });
  }

  async cancel(context: RequestContext, sessionId: string): Promise<SessionState> {
    const state = await this.visible(context, sessionId);
    authorize(context.identity, state.projectId, 'write', { what: 'session', id: sessionId });
    let current = state;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        current = await this.repository.execute(current, {
          type: 'CancelSession',
          by: context.identity.actor,
          at: new Date().toISOString(),
        });
        break;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') throw error;
        current = await this.repository.load(sessionId); // a driver appended first: decide again
      }
    }
    this.worker.abort(sessionId);
    for (const child of await this.repository.children(sessionId)) {
      if (child.status !== 'RUNNING') continue;
      await this.cancel(context, child.sessionId).catch(() => undefined);
    }
    return this.repository.load(sessionId);
  }

  async visible(context: RequestContext, sessionId: string): Promise<SessionState> {
    const state = isUuid(sessionId) ? await this.repository.load(sessionId) : null;
    if (!state?.exists || !canRead(context.identity, state.projectId))
      throw new NotFoundError('session', sessionId);
    return state;
  }

  async ofComponent(context: RequestContext, componentId: string, first: number): Promise<SessionState[]> {
    if (!isUuid(componentId)) throw new NotFoundError('component', componentId);
    const rows = await this.repository.ofComponent(componentId, Math.min(Math.max(first, 1), 100));
    return Promise.all(
      rows
        .filter((r) => canRead(context.identity, r.projectId))
        .map((r) => this.repository.load(r.sessionId)),
    );
  }

  /** A project's sessions, the most recently active first (at most 100). */
  async ofProject(context: RequestContext, projectId: string, first: number): Promise<SessionState[]> {
    if (!isUuid(projectId)) throw new NotFoundError('project', projectId);
    authorize(context.identity, projectId, 'read');
    const rows = await this.repository.ofProject(projectId, Math.min(Math.max(first, 1), 100));
    return Promise.all(rows.map((r) => this.repository.load(r.sessionId)));
  }

  async children(context: RequestContext, sessionId: string): Promise<SessionState[]> {
    const rows = await this.repository.children(sessionId);
    return Promise.all(rows.map((r) => this.visible(context, r.sessionId)));
  }
}
