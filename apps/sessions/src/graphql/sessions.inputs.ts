import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class WorkspaceFileInput {
  @Field({ description: 'Relative to the workspace; no absolute paths and no "..".' }) path!: string;
  @Field() content!: string;
}

@InputType()
export class RunTestsInput {
  @Field(() => ID) projectId!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => [WorkspaceFileInput]) files!: WorkspaceFileInput[];
  @Field(() => String, {
    nullable: true,
    description: "Run without a shell; default: the project's test command, else `node --test`.",
  })
  command?: string | null;
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Ask for a run that counts as evidence: refused (CONFLICT) while the component has no accepted design, and (BAD_USER_INPUT) when the files declare no test named after one of its Test Assertions. Without it a run is still recorded and says whether it counts.',
  })
  asEvidence?: boolean;
}

@InputType()
export class ConfigureProjectSandboxInput {
  @Field(() => ID) projectId!: string;
  @Field(() => String, { nullable: true, description: 'Docker image; null: the deployment default.' })
  image?: string | null;
  @Field(() => String, { nullable: true, description: 'Test command; null: `node --test`.' })
  testCommand?: string | null;
}
