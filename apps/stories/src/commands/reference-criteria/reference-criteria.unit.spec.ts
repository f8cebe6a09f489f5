import { NotFoundError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import type { StoryEvent } from '../../story/story.events';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import {
  storyCreated,
  storyDeleted,
  STORY_ID,
  T1,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { ReferenceCriteria } from './reference-criteria.command';

const spec = deciderSpec(storyDecider);

/** A story as recorded before criteria had references, with its first criterion verified. */
const legacy: StoryEvent[] = [
  storyCreated({
    acceptanceCriteria: [
      { id: 'ac-1', description: 'The export lists every story of the project' },
      { id: 'ac-2', description: 'Each story shows its acceptance criteria as bullets' },
    ],
  }),
  { type: 'AcceptanceCriterionVerified', data: { criterionId: 'ac-1', at: T1 } },
];

function reference(...refs: [string, string][]): ReferenceCriteria {
  return {
    type: 'ReferenceCriteria',
    storyId: STORY_ID,
    refs: refs.map(([criterionId, ref]) => ({ criterionId, ref })),
    at: T1,
  };
}

describe('ReferenceCriteria', () => {
  it('gives references to criteria that had none, and changes nothing else about them', () => {
    const command = reference(['ac-1', 'AC-7'], ['ac-2', 'AC-8']);
    spec
      .given(legacy)
      .when(command)
      .then([
        {
          type: 'AcceptanceCriteriaReferenced',
          data: {
            refs: [
              { criterionId: 'ac-1', ref: 'AC-7' },
              { criterionId: 'ac-2', ref: 'AC-8' },
            ],
            at: T1,
          },
        },
      ]);
    const state = foldStory(legacy);
    const after = foldStory([...legacy, ...storyDecider.decide(command, state)]);
    expect(after?.acceptanceCriteria).toEqual(
      state!.acceptanceCriteria.map((c, i) => ({ ...c, ref: ['AC-7', 'AC-8'][i] })),
    );
    expect(after?.acceptanceCriteria.map((c) => c.verified)).toEqual([true, false]);
  });

  it('emits nothing when there is nothing to reference', () => {
    spec.given(legacy).when(reference()).then([]);
  });

  describe('rejects', () => {
    it('a criterion that already has a reference (a reference never changes)', () => {
      const problems = validationProblemsOf(() =>
        storyDecider.decide(reference(['ac-1', 'AC-9']), foldStory([storyCreated()])),
      );
      expect(problems).toEqual([{ field: 'refs[0].criterionId', message: 'already referenced as AC-1' }]);
    });

    it('an unknown criterion, one named twice, a malformed or taken reference', () => {
      const problems = validationProblemsOf(() =>
        storyDecider.decide(
          reference(['nope', 'AC-3'], ['ac-1', 'AC-3'], ['ac-1', 'AC-4'], ['ac-2', 'ref-5']),
          foldStory(legacy),
        ),
      );
      expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
        'refs[0].criterionId: no criterion nope',
        'refs[1].ref: reference AC-3 is already taken',
        'refs[2].criterionId: named twice',
        'refs[3].ref: "ref-5" is not a reference of the form AC-<n>',
      ]);
    });

    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(reference(['ac-1', 'AC-1']))
        .thenThrows(NotFoundError, /story st-1/);
      spec
        .given([...legacy, storyDeleted()])
        .when(reference(['ac-1', 'AC-1']))
        .thenThrows(NotFoundError, /story st-1/);
    });
  });
});
