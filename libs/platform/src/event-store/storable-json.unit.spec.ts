import { storableJson } from './storable-json';

describe('storableJson', () => {
  it('passes any storable value through as JSON text, escaped backslashes and emoji included', () => {
    const value = { text: 'a\\u0000b \\ud800 😀 \u0001', list: ['x'] };
    expect(storableJson('StoryCreated', 'data', value)).toBe(JSON.stringify(value));
  });

  it('refuses a NUL or a lone surrogate with the event type and the field, not the driver error', () => {
    expect(() =>
      storableJson('StepCompleted', 'data', { result: { rejected: [{ path: 'a\u0000' }] } }),
    ).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message:
          'a StepCompleted event cannot be stored: data.result.rejected[0].path must not contain a NUL character (U+0000)',
      }),
    );
    expect(() => storableJson('X', 'metadata', { actor: '\\\ud800' })).toThrow(/metadata\.actor .*surrogate/);
  });
});
