import { judgeRefusedAppend } from './refused-append';

describe('a refused append, judged', () => {
  const ids = ['a', 'b'];

  it('is a stream-order refusal when nothing is stored and the version still fits', () => {
    expect(judgeRefusedAppend('s', 3, ids, { version: 3, stored: [] })).toEqual({
      kind: 'stream-order',
      currentVersion: 3,
    });
  });

  it('is a version conflict when nothing is stored and the version moved (no stream: version 0)', () => {
    expect(judgeRefusedAppend('s', 3, ids, { version: 5, stored: [] })).toEqual({
      kind: 'conflict',
      currentVersion: 5,
      reason: 'version_mismatch',
    });
    expect(judgeRefusedAppend('s', 2, ids, { version: null, stored: [] })).toMatchObject({
      kind: 'conflict',
      currentVersion: 0,
    });
  });

  it('is the same batch stored before when every id sits in order where it was expected', () => {
    const stored = [
      { id: 'a', stream: 's', position: 4 },
      { id: 'b', stream: 's', position: 5 },
    ];
    expect(judgeRefusedAppend('s', 3, ids, { version: 5, stored })).toEqual({
      kind: 'already-stored',
      version: 5,
    });
    expect(judgeRefusedAppend('s', 'stream_exists', ids, { version: 5, stored })).toEqual({
      kind: 'already-stored',
      version: 5,
    });
  });

  it('is a taken id when an id is stored elsewhere, out of order or only in part', () => {
    const taken = { kind: 'conflict', currentVersion: 7, reason: 'event_id_taken' };
    const elsewhere = [
      { id: 'a', stream: 'other', position: 1 },
      { id: 'b', stream: 'other', position: 2 },
    ];
    expect(judgeRefusedAppend('s', 3, ids, { version: 7, stored: elsewhere })).toEqual(taken);
    const partly = [{ id: 'a', stream: 's', position: 4 }];
    expect(judgeRefusedAppend('s', 3, ids, { version: 7, stored: partly })).toEqual(taken);
    const atAnotherVersion = [
      { id: 'a', stream: 's', position: 6 },
      { id: 'b', stream: 's', position: 7 },
    ];
    expect(judgeRefusedAppend('s', 3, ids, { version: 7, stored: atAnotherVersion })).toEqual(taken);
  });
});
