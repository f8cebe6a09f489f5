import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@app/domain';
import { SandboxProvider } from '../sandbox/sandbox-provider';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config';

/** How the deployment's event bus is set up: named for the status query. */
export const EVENT_BUS_KIND = Symbol('EVENT_BUS_KIND');

@ObjectType('SystemStatus', {
  description: 'What this deployment can do, for `codemyspec doctor` and people.',
})
export class SystemStatusModel {
  @Field(() => String, { nullable: true, description: 'docker or bubblewrap; null: test runs are refused.' })
  sandboxDriver!: string | null;
  @Field(() => String, { nullable: true, description: 'Why there is no sandbox, and what fixes it.' })
  sandboxProblem!: string | null;
  @Field({ description: 'Whether automated sessions can call an LLM.' }) llmConfigured!: boolean;
  @Field(() => String, { nullable: true, description: 'The model asked for (no key, no URL).' })
  llmModel!: string | null;
  @Field({ description: 'Kafka, or the embedded bus (the services read each other’s event stores).' })
  eventBus!: string;
}

@Resolver(() => SystemStatusModel)
export class SystemStatusResolver {
  constructor(
    private readonly sandbox: SandboxProvider,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
    @Inject(EVENT_BUS_KIND) private readonly eventBus: string,
  ) {}

  @Query(() => SystemStatusModel, {
    description: 'The sandbox driver, whether an LLM is configured, the event bus.',
  })
  async systemStatus(): Promise<SystemStatusModel> {
    const sandbox = await this.sandbox.available().then(
      (found): { driver: string | null; problem: string | null } => ({ driver: found.driver, problem: null }),
      (error: unknown) => ({
        driver: null,
        problem: error instanceof DomainError ? error.message : String(error),
      }),
    );
    const llmConfigured = Boolean(this.config.llm.baseUrl || this.config.llm.apiKey);
    return {
      sandboxDriver: sandbox.driver,
      sandboxProblem: sandbox.problem,
      llmConfigured,
      llmModel: llmConfigured ? this.config.llm.model : null,
      eventBus: this.eventBus,
    };
  }
}
