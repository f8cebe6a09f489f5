import type { ArchitectureState } from '../../architecture/architecture.state';
import { perState } from './per-state';

describe('perState', () => {
  it('derives once per state object, and again for the next state', () => {
    let derivations = 0;
    const countOf = perState((state) => {
      derivations += 1;
      return state.components.size;
    });
    const before = { projectId: 'p', version: 1, components: new Map() } as unknown as ArchitectureState;
    const after = { ...before, version: 2 } as ArchitectureState;
    expect([countOf(before), countOf(before), countOf(before)]).toEqual([0, 0, 0]);
    expect(derivations).toBe(1);
    expect(countOf(after)).toBe(0);
    expect(derivations).toBe(2);
  });
});
