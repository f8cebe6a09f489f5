import fc from 'fast-check';
import { printableText, storableText, unstorableReason } from './storable-text';

describe('storable text', () => {
  it('accepts any well-formed text but NUL, and refuses NUL and lone surrogates', () => {
    expect(unstorableReason('plain, ünïcödé, 😀 and \u0001')).toBeNull();
    expect(unstorableReason('a\u0000b')).toContain('NUL');
    expect(unstorableReason('\ud800')).toContain('surrogate');
    expect(unstorableReason('x\udc00')).toContain('surrogate');
    expect(unstorableReason('\ud83d\ude00\ud83d')).toContain('surrogate');
  });

  it('makes any string storable, changing only what cannot be stored', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const stored = storableText(text);
        expect(unstorableReason(stored)).toBeNull();
        expect(stored.length).toBe(text.length);
        if (unstorableReason(text) === null) expect(stored).toBe(text);
      }),
    );
    expect(storableText('a\u0000b\ud800c😀')).toBe('a\ufffdb\ufffdc😀');
  });

  it('shows bad characters escaped and cuts long text', () => {
    expect(printableText('a\u0000b\ud800')).toBe('a\\u0000b\\ud800');
    expect(printableText('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
