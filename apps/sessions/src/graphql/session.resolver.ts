import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { RunTestsService } from '../sandbox-runs/run-tests/run-tests.service';
import { ContextBundleService } from '../session-runtime/context-bundle.service';
import { SessionService } from '../session-runtime/session.service';
import { sessionView } from './session.view';
import { SandboxRunModel } from './sandbox-run.model';
import { ContextBundleModel, ContextPurposeEnum, LiveLlmCallModel, SessionModel } from './session.model';
import { LiveCalls } from '../session-runtime/live-calls';
import { StartSessionInput } from './session.inputs';
import { sandboxRunView } from './sandbox-run.view';

@Resolver(() => SessionModel)
export class SessionResolver {
  constructor(
    private readonly sessionService: SessionService,
    private readonly runs: RunTestsService,
    private readonly bundles: ContextBundleService,
    private readonly live: LiveCalls,
  ) {}

  @Mutation(() => SessionModel, {
    description:
      'Starts an automated session (LLM_NOT_CONFIGURED without an LLM); it runs in the background.',
  })
  async startSession(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: StartSessionInput,
  ): Promise<SessionModel> {
    return sessionView(await this.sessionService.start(context, input));
  }

  @Mutation(() => SessionModel, {
    description: 'Stops a running session (and its children) after the current step.',
  })
  async cancelSession(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SessionModel> {
    return sessionView(await this.sessionService.cancel(context, id));
  }

  @Query(() => SessionModel)
  async session(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SessionModel> {
    return sessionView(await this.sessionService.visible(context, id));
  }

  @Query(() => [SessionModel], {
    description:
      "A project's sessions, started anywhere (CLI, MCP, the console), the most recently active first.",
  })
  async projectSessions(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<SessionModel[]> {
    return (await this.sessionService.ofProject(context, projectId, first)).map(sessionView);
  }

  @Query(() => [SessionModel], { description: 'The sessions of a component, newest first.' })
  async sessions(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<SessionModel[]> {
    return (await this.sessionService.ofComponent(context, componentId, first)).map(sessionView);
  }

  @Query(() => ContextBundleModel, {
    description:
      'Exactly what a TESTS or CODE session would put into the LLM, for pasting into your own assistant.',
  })
  async contextBundle(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('purpose', { type: () => ContextPurposeEnum }) purpose: ContextPurposeEnum,
  ): Promise<ContextBundleModel> {
    const bundle = await this.bundles.bundle(context, componentId, purpose);
    return {
      componentId,
      purpose,
      markdown: bundle.markdown,
      contextHash: bundle.contextHash,
      items: bundle.items,
    };
  }

  @ResolveField(() => [SandboxRunModel])
  sandboxRuns(
    @CurrentRequest() context: RequestContext,
    @Parent() session: SessionModel,
  ): Promise<SandboxRunModel[]> {
    return Promise.all(session.runIds.map(async (id) => sandboxRunView(await this.runs.run(context, id))));
  }

  @ResolveField(() => LiveLlmCallModel, {
    nullable: true,
    description:
      'The LLM call streaming right now on the instance driving the session (null between calls): tokens so far and time.',
  })
  liveLlmCall(@Parent() session: SessionModel): LiveLlmCallModel | null {
    return this.live.of(session.id);
  }

  @ResolveField(() => [SessionModel])
  async children(
    @CurrentRequest() context: RequestContext,
    @Parent() session: SessionModel,
  ): Promise<SessionModel[]> {
    return (await this.sessionService.children(context, session.id)).map(sessionView);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext): Promise<SessionModel> {
    return sessionView(await this.sessionService.visible(context, reference.id));
  }
}
