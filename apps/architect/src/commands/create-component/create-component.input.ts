import { Field, ID, InputType } from '@nestjs/graphql';
import { ContextType } from '../../graphql/component.model';

@InputType()
export class CreateContextInput {
  @Field(() => ID) projectId!: string;
  @Field() name!: string;
  @Field(() => ContextType) type!: ContextType;
  @Field({ defaultValue: '' }) description!: string;
}

@InputType()
export class CreateComponentInput {
  @Field(() => ID) projectId!: string;
  @Field(() => ID, { description: 'The context the component lives in.' }) parentId!: string;
  @Field() name!: string;
  @Field({ description: 'schema, repository, module, ui, task or other' }) type!: string;
  @Field({ defaultValue: '' }) description!: string;
}
