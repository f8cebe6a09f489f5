import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import type { RecordedState, RecordFact } from '@app/domain';
import { authorize, DomainError, isUuid, NotFoundError, recordOnceDecider } from '@app/domain';
import { CommandHandler, EventBusLifecycle, PostgresEventStore, withUnitOfWork } from '@app/platform';
import { criterionLine, StoriesClient } from '../clients/stories-client';
import { WritableProjects } from '../projects/writable-projects';
import type { StoryFacts } from '../clients/stories-client';
import type {
  AssembledContext,
  AssemblyRequest,
  PromptRequest,
  StoryInput,
} from '../context/context-assembly';
import { assembleContext } from '../context/context-assembly';
import { LlmLedger } from '../session-runtime/llm-ledger';
import { SessionInputs } from '../session-runtime/session-inputs';
import { WorkspaceService } from '../workspace/workspace.service';
import { parseAiReview } from './ai-review-reply';
import type { PromptIssued, PromptKind, StoryReviewedWithAi } from './prompt.events';

function storyInput(story: StoryFacts): StoryInput {
  return {
    id: story.id,
    version: story.version,
    title: story.title,
    description: story.description,
    criteria: story.acceptanceCriteria.map(criterionLine),
  };
}

const byTitle = (a: StoryInput, b: StoryInput) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

export interface IssuedPrompt {
  readonly id: string;
  readonly kind: PromptKind;
  readonly subjectId: string;
  readonly assembled: AssembledContext;
}

/**
 * Interview and review prompts for a person's own assistant, and the AI review of a story. Each
 * embeds the project's current stories or architecture in one fixed order (the same assembly as
 * the sessions' LLM calls) and is recorded with its items, so what the assistant was shown is known.
 */
@Injectable()
export class PromptService {
  private readonly prompts: CommandHandler<RecordFact<PromptIssued>, RecordedState, PromptIssued>;
  private readonly reviews: CommandHandler<
    RecordFact<StoryReviewedWithAi>,
    RecordedState,
    StoryReviewedWithAi
  >;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
    private readonly stories: StoriesClient,
    private readonly inputs: SessionInputs,
    private readonly ledger: LlmLedger,
    private readonly workspaces: WorkspaceService,
    private readonly projects: WritableProjects,
  ) {
    this.prompts = new CommandHandler(store, recordOnceDecider<PromptIssued>('prompt'));
    this.reviews = new CommandHandler(store, recordOnceDecider<StoryReviewedWithAi>('review'));
  }

  async issue(context: RequestContext, kind: PromptKind, subjectId: string): Promise<IssuedPrompt> {
    const what = kind.endsWith('_DESIGN') ? 'component' : kind === 'STORY_REVIEW' ? 'story' : 'project';
    if (!isUuid(subjectId)) throw new NotFoundError(what, subjectId);
    const { request, projectId } = await this.request(context, kind, subjectId);
    // Issuing a prompt records an event: it is a write.
    authorize(context.identity, projectId, 'write', { what, id: subjectId });
    await this.projects.assert(projectId);
    const assembled = assembleContext(request);
    const promptId = randomUUID();
    const textSha256 = await this.workspaces.putBlob(assembled.markdown);
    const event: PromptIssued = {
      type: 'PromptIssued',
      data: {
        promptId,
        kind,
        projectId,
        subjectId,
        items: assembled.items,
        contextHash: assembled.contextHash,
        textSha256,
        at: new Date().toISOString(),
      },
    };
    await this.prompts.handle(
      `prompt-${promptId}`,
      { type: 'RecordFact', event },
      { metadata: { projectId, actor: context.identity.actor, correlationId: context.correlationId } },
    );
    this.bus.poke();
    return { id: promptId, kind, subjectId, assembled };
  }

  private async request(
    context: RequestContext,
    kind: PromptKind,
    subjectId: string,
  ): Promise<{ request: PromptRequest | AssemblyRequest; projectId: string }> {
    switch (kind) {
      case 'STORY_INTERVIEW': {
        const project = await this.stories.project(context, subjectId);
        const stories = (await this.stories.projectStories(context, subjectId)).map(storyInput).sort(byTitle);
        return { request: { purpose: 'STORY_INTERVIEW', project, stories }, projectId: project.id };
      }
      case 'STORY_REVIEW':
        return this.storyReviewRequest(context, subjectId, 'STORY_REVIEW');
      case 'CONTEXT_DESIGN': {
        const { facts, input } = await this.inputs.component(context, subjectId);
        if (!['context', 'coordination_context'].includes(facts.type))
          throw new DomainError('BAD_USER_INPUT', `${facts.name} is a ${facts.type}, not a context`, {
            details: [{ field: 'componentId', message: 'not a context' }],
          });
        const stories = await this.inputs.stories(context, facts);
        return {
          request: { purpose: 'CONTEXT_DESIGN', component: input, stories, template: facts.designTemplate },
          projectId: facts.projectId,
        };
      }
      case 'COMPONENT_DESIGN': {
        // The same assembly as a DESIGN session's first call: a person's assistant writes the design.
        const { facts, input } = await this.inputs.component(context, subjectId);
        const stories = await this.inputs.stories(context, facts);
        return {
          request: { purpose: 'DESIGN', component: input, stories, template: facts.designTemplate },
          projectId: facts.projectId,
        };
      }
      default: {
        const unknown: never = kind;
        throw new Error(`unknown prompt kind ${String(unknown)}`);
      }
    }
  }

  private async storyReviewRequest(
    context: RequestContext,
    storyId: string,
    purpose: 'STORY_REVIEW' | 'STORY_AI_REVIEW',
  ) {
    const [story] = await this.stories.stories(context, [storyId]);
    if (!story) throw new NotFoundError('story', storyId);
    const project = await this.stories.project(context, story.projectId);
    const review = await this.stories.review(context, storyId);
    const others = (await this.stories.projectStories(context, story.projectId))
      .filter((s) => s.id !== storyId)
      .map((s) => s.title);
    const request: PromptRequest = {
      purpose,
      project,
      story: storyInput(story),
      review: { storyId, storyVersion: story.version, score: review.score, findings: review.findings },
      otherTitles: others,
    };
    return { request, projectId: story.projectId, story, review };
  }

  /** The LLM's structured review (recorded with its call), or the deterministic one without an LLM. */
  async reviewWithAi(context: RequestContext, storyId: string): Promise<StoryReviewedWithAi['data']> {
    if (!isUuid(storyId)) throw new NotFoundError('story', storyId);
    const { request, projectId, story, review } = await this.storyReviewRequest(
      context,
      storyId,
      'STORY_AI_REVIEW',
    );
    authorize(context.identity, projectId, 'write', { what: 'story', id: storyId });
    await this.projects.assert(projectId);
    let data: StoryReviewedWithAi['data'] = {
      reviewId: randomUUID(),
      projectId,
      storyId,
      storyVersion: story.version,
      source: 'deterministic',
      fallbackReason: 'no LLM is configured',
      score: review.score,
      findings: review.findings,
      llmCall: null,
      at: new Date().toISOString(),
    };
    if (this.ledger.configured) {
      const call = await this.ledger.invoke(request);
      const parsed = parseAiReview(call.reply);
      data =
        'error' in parsed
          ? {
              ...data,
              fallbackReason: `the LLM's reply was not usable: ${parsed.error}`,
              llmCall: call.record,
            }
          : {
              ...data,
              source: 'llm',
              fallbackReason: null,
              score: parsed.score,
              findings: parsed.findings,
              llmCall: call.record,
            };
    }
    const event: StoryReviewedWithAi = { type: 'StoryReviewedWithAi', data };
    await withUnitOfWork(
      this.dataSource,
      (sql) =>
        this.reviews.handle(
          `story-review-${data.reviewId}`,
          { type: 'RecordFact', event },
          {
            metadata: { projectId, actor: context.identity.actor, correlationId: context.correlationId },
            sql,
          },
        ),
      { retryOnConflict: false },
    );
    this.bus.poke();
    return data;
  }
}
