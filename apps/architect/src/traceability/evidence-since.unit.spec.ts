import { carriedOverFrom, evidenceSince } from './evidence-since';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));

describe('evidenceSince', () => {
  const accepted = [
    {
      version: 1,
      acceptedAt: at(0),
      assertions: ['locks after three failures [AC-3]', 'greets the user [AC-1]'],
    },
    {
      version: 3,
      acceptedAt: at(10),
      assertions: ['Greets the user! [AC-1, AC-2]', 'locks after five failures [AC-3]'],
    },
    {
      version: 4,
      acceptedAt: at(20),
      assertions: ['greets the user [AC-1]', 'locks after five failures [AC-3]'],
    },
  ];

  it('goes back through the versions that had the same words, references and case aside', () => {
    const since = evidenceSince(accepted);
    expect(since.get('greets the user')).toEqual({
      since: at(0),
      acceptedAt: at(20),
      carriedFrom: [
        { version: 1, acceptedAt: at(0) },
        { version: 3, acceptedAt: at(10) },
      ],
    });
    expect(since.get('locks after five failures')?.since).toEqual(at(10));
    expect(since.has('locks after three failures')).toBe(false);
  });

  it('names the version a piece of evidence was gathered under, none for the newest', () => {
    const greets = evidenceSince(accepted).get('greets the user');
    expect(carriedOverFrom(greets, at(5))).toBe(1);
    expect(carriedOverFrom(greets, at(15))).toBe(3);
    expect(carriedOverFrom(greets, at(20))).toBeNull();
    expect(carriedOverFrom(greets, null)).toBeNull();
    expect(carriedOverFrom(undefined, at(5))).toBeNull();
  });

  it('is empty without an accepted design', () => {
    expect(evidenceSince([]).size).toBe(0);
  });
});
