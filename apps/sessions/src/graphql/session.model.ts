import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SessionTypeEnum {
  DESIGN = 'DESIGN',
  COMPONENT_DESIGNS = 'COMPONENT_DESIGNS',
  TESTS = 'TESTS',
  CODE = 'CODE',
}
registerEnumType(SessionTypeEnum, { name: 'SessionType' });

export enum SessionStatusEnum {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SessionStatusEnum, { name: 'SessionStatus' });

export enum ContextPurposeEnum {
  TESTS = 'TESTS',
  CODE = 'CODE',
}
registerEnumType(ContextPurposeEnum, { name: 'ContextPurpose' });

@ObjectType()
export class ContextItemModel {
  @Field({ description: 'instruction, story, design, test, code or error' }) kind!: string;
  @Field({
    description: 'The source aggregate (story-<id>, design-<componentId>, workspace-<projectId>:<path>, …).',
  })
  source!: string;
  @Field(() => Int) version!: number;
  @Field() sha256!: string;
  @Field(() => Int, { description: 'Estimated (UTF-8 bytes / 4).' }) tokens!: number;
}

@ObjectType()
export class ContextBundleModel {
  @Field(() => ID) componentId!: string;
  @Field(() => ContextPurposeEnum) purpose!: ContextPurposeEnum;
  @Field() markdown!: string;
  @Field() contextHash!: string;
  @Field(() => [ContextItemModel]) items!: ContextItemModel[];
}

@ObjectType()
export class SessionStepModel {
  @Field() name!: string;
  @Field(() => Int) attempt!: number;
  @Field({ description: 'RUNNING, SUCCEEDED or FAILED' }) status!: string;
  @Field() startedAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

@ObjectType()
export class LlmCallModel {
  @Field(() => ID) id!: string;
  @Field() step!: string;
  @Field(() => Int) attempt!: number;
  @Field({ description: 'The model the endpoint says answered.' }) model!: string;
  @Field({ description: 'The model requested.' }) requestedModel!: string;
  @Field({ description: 'The temperature configured (see omittedParameters: some models refuse it).' })
  temperature!: number;
  @Field(() => [String], {
    description:
      'Parameters this model refused with a 400 and that were left out (temperature, max_completion_tokens, …).',
  })
  omittedParameters!: string[];
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int) completionTokens!: number;
  @Field({ description: 'True when the endpoint reported no usage and the token counts are estimates.' })
  usageEstimated!: boolean;
  @Field(() => String, { nullable: true, description: 'stop, length, tool_calls, … as the endpoint said.' })
  finishReason!: string | null;
  @Field(() => Int, { description: 'Follow-ups that continued a reply cut off at the token limit.' })
  continuations!: number;
  @Field(() => String, {
    nullable: true,
    description: 'How files were asked for: tools, json or fenced (null for a call that writes none).',
  })
  filesMode!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'How the files mode was chosen: "override: …" (OPENAI_FILES_MODE) or "probe: …" (what the probe saw).',
  })
  filesModeSource!: string | null;
  @Field(() => String, { nullable: true, description: 'The refusal the model gave, if any.' })
  refusal!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "sha256 of the model's separate reasoning, stored as a blob; never fed back as code.",
  })
  reasoningSha256!: string | null;
  @Field() contextHash!: string;
  @Field({ description: 'sha256 of the exact messages sent (canonical JSON), stored as a blob.' })
  messagesSha256!: string;
  @Field() replySha256!: string;
  @Field(() => Int) durationMs!: number;
  @Field(() => Int, { description: 'HTTP attempts, retries included.' }) httpAttempts!: number;
  @Field(() => [ContextItemModel]) items!: ContextItemModel[];
  @Field() at!: string;
}

@ObjectType({ description: 'An LLM call streaming right now: the tokens so far (estimated) and the time.' })
export class LiveLlmCallModel {
  @Field({ description: 'The step and attempt, as generate_code#1.' }) step!: string;
  @Field(() => Int) tokens!: number;
  @Field(() => Int) elapsedMs!: number;
}

@ObjectType()
export class SessionBudgetModel {
  @Field(() => Int) maxLlmCalls!: number;
  @Field(() => Int) maxTokens!: number;
  @Field(() => Int) llmCallsUsed!: number;
  @Field(() => Int) tokensUsed!: number;
}

@ObjectType('Session')
@Directive('@key(fields: "id")')
export class SessionModel {
  @Field(() => ID) id!: string;
  @Field(() => SessionTypeEnum) type!: SessionTypeEnum;
  @Field(() => SessionStatusEnum) status!: SessionStatusEnum;
  @Field(() => ID) projectId!: string;
  @Field(() => ID) componentId!: string;
  @Field() componentName!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int) maxIterations!: number;
  @Field(() => [SessionStepModel]) steps!: SessionStepModel[];
  @Field(() => [LlmCallModel]) llmCalls!: LlmCallModel[];
  @Field(() => SessionBudgetModel) budget!: SessionBudgetModel;
  @Field(() => String, { nullable: true, description: 'Why it failed or was cancelled.' }) reason!:
    string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true, description: 'The git commit of a finalized CODE session.' })
  commit!: string | null;
  @Field({ description: 'Who started it: the actor, as the events record it.' }) startedBy!: string;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
  /** For field resolvers. */
  runIds!: string[];
}
