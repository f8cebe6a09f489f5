import { DomainError } from '../errors/domain-error';
import { recordOnceDecider } from './record-once';

describe('recordOnceDecider', () => {
  const decider = recordOnceDecider<{ type: 'Ran'; data: { id: string } }>('run');
  const ran = { type: 'Ran' as const, data: { id: 'r-1' } };

  it('records the fact on an empty stream', () => {
    expect(decider.decide({ type: 'RecordFact', event: ran }, decider.initialState())).toEqual([ran]);
  });

  it('refuses to record it again', () => {
    const state = decider.evolve(decider.initialState(), ran);
    expect(() => decider.decide({ type: 'RecordFact', event: ran }, state)).toThrow(DomainError);
    expect(() => decider.decide({ type: 'RecordFact', event: ran }, state)).toThrow(
      'the run is already recorded',
    );
  });
});
