import { compareCheckpoints, streamTypeOf } from './event-envelope';

describe('streamTypeOf', () => {
  it('takes everything before a trailing UUID, dashes included', () => {
    expect(streamTypeOf('story-0b7e4a52-3f7c-4f0e-9a53-7d2f7f3b1c11')).toBe('story');
    expect(streamTypeOf('sandbox-run-0b7e4a52-3f7c-4f0e-9a53-7d2f7f3b1c11')).toBe('sandbox-run');
  });

  it('splits other ids at the first dash', () => {
    expect(streamTypeOf('item-abc')).toBe('item');
    expect(streamTypeOf('plain')).toBe('plain');
  });
});

describe('compareCheckpoints', () => {
  it('orders by transaction id, then global position, as big integers', () => {
    expect(
      compareCheckpoints(
        { transactionId: '9', globalPosition: '100' },
        { transactionId: '10', globalPosition: '1' },
      ),
    ).toBe(-1);
    expect(
      compareCheckpoints(
        { transactionId: '10', globalPosition: '2' },
        { transactionId: '10', globalPosition: '1' },
      ),
    ).toBe(1);
    expect(
      compareCheckpoints(
        { transactionId: '10', globalPosition: '2' },
        { transactionId: '10', globalPosition: '2' },
      ),
    ).toBe(0);
  });
});
