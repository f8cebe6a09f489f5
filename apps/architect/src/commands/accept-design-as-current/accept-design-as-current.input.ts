import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'A cause of a DIRTY component, as `Component.dirtyCauses` lists it.' })
export class DirtyCauseRefInput {
  @Field({ description: 'The stream the change happened in, e.g. story-<id>.' }) source!: string;
  @Field(() => Int, { description: 'That stream’s version after the change.' }) version!: number;
}

@InputType()
export class AcceptDesignAsCurrentInput {
  @Field(() => ID) componentId!: string;
  @Field({ description: 'Why the changes need no rework (recorded with the actor).' }) reason!: string;
  @Field(() => [DirtyCauseRefInput], {
    nullable: true,
    description:
      'The causes this waiver accepts; absent: every one. The component stays DIRTY while a cause is left.',
  })
  causes?: DirtyCauseRefInput[] | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'Criteria (AC-n) whose changed text the tests that already passed still verify. Any other criterion whose text changed is VERIFIED again only after a green run.',
  })
  keepEvidenceFor?: string[] | null;
}
