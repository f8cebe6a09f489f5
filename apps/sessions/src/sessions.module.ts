import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/platform';
import {
  EventSourcingModule,
  HealthModule,
  serviceDatabaseModule,
  serviceLoggingModule,
  subgraphGraphqlModule,
} from '@app/platform';
import { ArchitectClient } from './clients/architect-client';
import { StoriesClient } from './clients/stories-client';
import { SandboxRunResolver, WorkspaceResolver } from './graphql/sandbox.resolver';
import { PromptResolver } from './graphql/prompt.resolver';
import { SessionResolver } from './graphql/session.resolver';
import { PromptService } from './prompts/prompt.service';
import { OpenAiLlm } from './llm/openai-llm';
import { sessionsMigrations } from './persistence/sessions.migrations';
import { readModelEntities, readModels } from './read-models';
import { ProjectSettingsService } from './project-settings/project-settings.service';
import { RunTestsService } from './sandbox-runs/run-tests/run-tests.service';
import { SandboxRunRecorder } from './sandbox-runs/sandbox-run-recorder';
import { SandboxProvider } from './sandbox/sandbox-provider';
import type { SessionsConfig } from './sessions-config';
import { SESSIONS_CONFIG } from './sessions-config';
import { SANDBOX_SETTINGS } from './sandbox/sandbox-settings';
import { WritableProjects } from './projects/writable-projects';
import { WorkspaceService } from './workspace/workspace.service';
import { ContextBundleService } from './session-runtime/context-bundle.service';
import { LLM_PROVIDER, LlmLedger } from './session-runtime/llm-ledger';
import { LiveCalls } from './session-runtime/live-calls';
import { EVENT_BUS_KIND, SystemStatusResolver } from './graphql/system-status.resolver';
import { SessionDriver } from './session-runtime/session-driver';
import { SessionInputs } from './session-runtime/session-inputs';
import { ReworkInputs } from './session-runtime/rework-inputs';
import { SessionWorker } from './session-runtime/session-worker';
import { SessionRepository } from './session-runtime/session.repository';
import { SessionService } from './session-runtime/session.service';
import { SessionStarter } from './session-runtime/session-starter';
import { SessionWakeup } from './session-runtime/session-wakeup';
import { STEP_CLASSES, StepExecutor } from './session-runtime/steps/step-executor';
import { StepFiles } from './session-runtime/steps/step-files';
import { FilesFromLlm } from './session-runtime/steps/files-from-llm';
import { GitRepositories } from './workspace/git-repository';
import { GIT_HTTP_SECRET, GitHttpController } from './git-record/git-http.controller';
import { StoriesFlusher } from './git-record/stories-flusher';
import { sessionsPublication } from './publication/sessions.publication';

/** Sandbox runs, workspaces, LLM sessions and their context ledger: an event-sourced Federation 2 subgraph. */
@Module({})
export class SessionsModule {
  static register(config: ServiceConfig, sessions: SessionsConfig): DynamicModule {
    const repos = new GitRepositories(`${sessions.dataDir}/repos`, sessions.gitMaxRepoMb);
    return {
      module: SessionsModule,
      imports: [
        serviceLoggingModule(config),
        HealthModule,
        serviceDatabaseModule({ config, migrations: sessionsMigrations, entities: readModelEntities }),
        EventSourcingModule.forService(config, (deps) => readModels(deps, repos), sessionsPublication),
        subgraphGraphqlModule(config),
      ],
      controllers: [GitHttpController],
      providers: [
        { provide: GIT_HTTP_SECRET, useValue: config.internalSecret },
        {
          provide: EVENT_BUS_KIND,
          useValue: config.kafkaBrokers?.length ? 'kafka' : 'embedded (PostgreSQL event stores)',
        },
        SystemStatusResolver,
        StoriesFlusher,
        { provide: SESSIONS_CONFIG, useValue: sessions },
        { provide: SANDBOX_SETTINGS, useValue: sessions.sandbox },
        {
          provide: ArchitectClient,
          useValue: new ArchitectClient(sessions.architectUrl, config.internalSecret),
        },
        { provide: StoriesClient, useValue: new StoriesClient(sessions.storiesUrl, config.internalSecret) },
        SandboxProvider,
        WritableProjects,
        WorkspaceService,
        ProjectSettingsService,
        SandboxRunRecorder,
        RunTestsService,
        SandboxRunResolver,
        WorkspaceResolver,
        {
          provide: LLM_PROVIDER,
          useValue: sessions.llm.baseUrl || sessions.llm.apiKey ? new OpenAiLlm(sessions.llm) : null,
        },
        LlmLedger,
        LiveCalls,
        SessionRepository,
        SessionInputs,
        ReworkInputs,
        { provide: GitRepositories, useValue: repos },
        SessionWakeup,
        SessionStarter,
        StepFiles,
        FilesFromLlm,
        ...STEP_CLASSES,
        StepExecutor,
        SessionDriver,
        SessionWorker,
        SessionService,
        ContextBundleService,
        SessionResolver,
        PromptService,
        PromptResolver,
      ],
    };
  }
}
