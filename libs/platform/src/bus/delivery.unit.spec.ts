import { decideDelivery } from './delivery';

describe('decideDelivery', () => {
  it('applies exactly the next version', () => {
    expect(decideDelivery(0, 1, false)).toBe('apply');
    expect(decideDelivery(7, 8, false)).toBe('apply');
  });

  it('skips anything at or below the applied version as a duplicate, even on a blocked stream', () => {
    expect(decideDelivery(3, 3, false)).toBe('duplicate');
    expect(decideDelivery(3, 1, true)).toBe('duplicate');
  });

  it('holds events past the next version as a gap', () => {
    expect(decideDelivery(3, 5, false)).toBe('gap');
  });

  it('parks every newer event of a stream blocked behind a poison event', () => {
    expect(decideDelivery(3, 4, true)).toBe('held');
    expect(decideDelivery(3, 9, true)).toBe('held');
  });
});
