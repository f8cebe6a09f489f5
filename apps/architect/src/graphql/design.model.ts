import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type * as views from '../application/views/design.view';

@ObjectType()
export class DesignError implements views.DesignErrorView {
  @Field() code!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true }) section!: string | null;
}

@ObjectType()
export class DesignDocument implements views.DesignDocumentView {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => Int) version!: number;
  @Field() markdown!: string;
  @Field() valid!: boolean;
  @Field({ description: 'True for the newest valid version.' }) accepted!: boolean;
  @Field(() => [DesignError]) errors!: DesignError[];
  @Field(() => [String], { description: 'Components listed in the design that do not exist yet.' })
  proposedComponents!: string[];
  @Field(() => [String]) testAssertions!: string[];
  @Field() sha256!: string;
  @Field() submittedAt!: string;
  @Field(() => String, { nullable: true }) submittedBy!: string | null;
}

@ObjectType()
export class DesignDiff implements views.DesignDiffView {
  @Field(() => ID) componentId!: string;
  @Field(() => Int) fromVersion!: number;
  @Field(() => Int) toVersion!: number;
  @Field({ description: 'Unified diff of the two markdown versions.' }) diff!: string;
}

@ObjectType({ description: 'The result of checking a draft design without storing it.' })
export class DesignValidation implements views.DesignValidationView {
  @Field(() => ID) componentId!: string;
  @Field() valid!: boolean;
  @Field(() => [DesignError]) errors!: DesignError[];
  @Field(() => [String]) proposedComponents!: string[];
  @Field(() => [String]) testAssertions!: string[];
}
