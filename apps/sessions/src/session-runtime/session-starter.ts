import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Identity } from '@app/domain';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config';
import type { SessionStatus, SessionType } from '../session/session.events';
import type { SessionState } from '../session/session.state';
import { SessionRepository } from './session.repository';
import { SessionWakeup } from './session-wakeup';

export interface NewSession {
  readonly sessionId: string;
  readonly projectId: string;
  readonly componentId: string;
  readonly componentName: string;
  readonly type: SessionType;
  readonly parentId: string | null;
  readonly maxIterations: number;
  readonly budget: { readonly maxLlmCalls: number; readonly maxTokens: number };
  readonly identity: Identity;
  readonly correlationId: string;
}

export interface ChildResult {
  readonly sessionId: string;
  readonly componentId: string;
  readonly status: SessionStatus;
  readonly reason: string | null;
}

/** A child session's id follows from its parent and component, so a resumed parent starts no duplicate. */
export function childSessionId(parentId: string, componentId: string): string {
  const hex = createHash('sha256').update(`${parentId}:${componentId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Starts sessions (a person's, or a parent's child DESIGN sessions) and tells the worker: the one
 * place a `StartSession` command is made, shared by the API and the COMPONENT_DESIGNS steps.
 */
@Injectable()
export class SessionStarter {
  constructor(
    private readonly repository: SessionRepository,
    private readonly wakeup: SessionWakeup,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {}

  async start(session: NewSession): Promise<SessionState> {
    const initial = await this.repository.load(session.sessionId);
    const state = await this.repository.execute(initial, {
      type: 'StartSession',
      data: {
        sessionId: session.sessionId,
        projectId: session.projectId,
        componentId: session.componentId,
        componentName: session.componentName,
        sessionType: session.type,
        parentId: session.parentId,
        maxIterations: session.maxIterations,
        budget: session.budget,
        startedBy: session.identity,
        correlationId: session.correlationId,
        parameters: {
          model: this.config.llm.model,
          temperature: this.config.llm.temperature,
          maxTokens: null,
        },
        at: new Date().toISOString(),
      },
    });
    this.wakeup.ring();
    return state;
  }

  /** A DESIGN session for one component of a context (idempotent on resume). */
  async startChild(
    parent: SessionState,
    child: { sessionId: string; componentId: string; name: string },
  ): Promise<void> {
    const existing = await this.repository.load(child.sessionId);
    if (existing.exists) return;
    await this.start({
      sessionId: child.sessionId,
      projectId: parent.projectId,
      componentId: child.componentId,
      componentName: child.name,
      type: 'DESIGN',
      parentId: parent.sessionId,
      maxIterations: parent.maxIterations,
      budget: parent.budget,
      identity: parent.startedBy,
      correlationId: parent.correlationId,
    });
  }

  async childResults(parentId: string): Promise<ChildResult[]> {
    const children = await this.repository.children(parentId);
    return Promise.all(
      children.map(async (c) => ({
        sessionId: c.sessionId,
        componentId: c.componentId,
        status: c.status,
        reason: c.status === 'RUNNING' ? null : (await this.repository.load(c.sessionId)).reason,
      })),
    );
  }
}
