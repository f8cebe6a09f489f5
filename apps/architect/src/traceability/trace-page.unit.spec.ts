import { ValidationError } from '@app/domain';
import type { TraceStatus } from './trace';
import { MAX_TRACE_PAGE, traceCriteriaPage, traceCursor } from './trace-page';

const traced = (statuses: TraceStatus[]) => statuses.map((status, i) => ({ ref: `AC-${i + 1}`, status }));
const refs = (page: { items: readonly { ref: string }[] }) => page.items.map((item) => item.ref);

describe('traceCriteriaPage', () => {
  const criteria = traced(['VERIFIED', 'UNCITED', 'VERIFIED', 'DIRTY', 'VERIFIED']);

  it('returns every criterion when nothing narrows it', () => {
    expect(traceCriteriaPage(criteria, {})).toEqual({
      items: criteria,
      totalCount: 5,
      hasNextPage: false,
      endCursor: traceCursor(4),
    });
  });

  it('walks the pages with the end cursor until there is no next page', () => {
    const first = traceCriteriaPage(criteria, { first: 2 });
    expect([refs(first), first.hasNextPage, first.totalCount]).toEqual([['AC-1', 'AC-2'], true, 5]);
    const second = traceCriteriaPage(criteria, { first: 2, after: first.endCursor });
    expect(refs(second)).toEqual(['AC-3', 'AC-4']);
    const last = traceCriteriaPage(criteria, { first: 2, after: second.endCursor });
    expect([refs(last), last.hasNextPage]).toEqual([['AC-5'], false]);
    const beyond = traceCriteriaPage(criteria, { first: 2, after: last.endCursor });
    expect(beyond).toEqual({ items: [], totalCount: 5, hasNextPage: false, endCursor: null });
  });

  it('keeps only the asked statuses, counting and paging among them', () => {
    const page = traceCriteriaPage(criteria, { status: ['VERIFIED', 'DIRTY'], first: 3 });
    expect([refs(page), page.totalCount, page.hasNextPage]).toEqual([['AC-1', 'AC-3', 'AC-4'], 4, true]);
    const rest = traceCriteriaPage(criteria, {
      status: ['VERIFIED', 'DIRTY'],
      first: 3,
      after: page.endCursor,
    });
    expect(refs(rest)).toEqual(['AC-5']);
    expect(traceCriteriaPage(criteria, { status: [] }).totalCount).toBe(5);
  });

  it('answers first: 0 with the count alone', () => {
    expect(traceCriteriaPage(criteria, { first: 0 })).toEqual({
      items: [],
      totalCount: 5,
      hasNextPage: true,
      endCursor: null,
    });
  });

  it.each([-1, 1.5, MAX_TRACE_PAGE + 1])('refuses first: %p', (first) => {
    expect(() => traceCriteriaPage(criteria, { first })).toThrow(ValidationError);
  });

  it.each([
    'garbage',
    Buffer.from('trace:-1').toString('base64url'),
    Buffer.from('trace:x').toString('base64url'),
  ])('refuses a cursor it did not make: %p', (after) => {
    expect(() => traceCriteriaPage(criteria, { after })).toThrow(/is not a cursor this query returned/);
  });
});
