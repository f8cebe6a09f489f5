import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class WorkspaceFileModel {
  @Field() path!: string;
  @Field() sha256!: string;
  @Field(() => Int) size!: number;
  @Field(() => Int, { description: 'The version that last wrote the file.' }) version!: number;
}

@ObjectType()
export class WorkspaceModel {
  @Field(() => ID) projectId!: string;
  @Field(() => Int) version!: number;
  @Field(() => [WorkspaceFileModel]) files!: WorkspaceFileModel[];
}

@ObjectType()
export class ProjectSandboxModel {
  @Field(() => ID) projectId!: string;
  @Field(() => String, { nullable: true }) image!: string | null;
  @Field(() => String, { nullable: true }) testCommand!: string | null;
  @Field({ description: 'The image runs use (the project setting or the deployment default).' })
  effectiveImage!: string;
  @Field({ description: 'The command runs use.' }) effectiveTestCommand!: string;
  @Field(() => String, {
    nullable: true,
    description: 'docker, bubblewrap, or null when no sandbox is available.',
  })
  driver!: string | null;
}
