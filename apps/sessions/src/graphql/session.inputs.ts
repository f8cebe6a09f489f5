import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { SessionTypeEnum } from './session.model';

@InputType()
export class StartSessionInput {
  @Field(() => ID) componentId!: string;
  @Field(() => SessionTypeEnum) type!: SessionTypeEnum;
  @Field(() => Int, {
    nullable: true,
    description: 'Revisions (DESIGN) or fix attempts (TESTS, CODE); default SESSION_MAX_ITERATIONS.',
  })
  maxIterations?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'LLM calls this session may make (at most SESSION_MAX_LLM_CALLS).',
  })
  maxLlmCalls?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Tokens this session may use (at most SESSION_MAX_TOKENS).',
  })
  maxTokens?: number | null;
}
