import { timelineSubjectId } from './timeline-subject';

const project = '6f1f0a4e-3b7a-4c2e-9d51-0a7f4f6b2c10';
const component = '0304793d-738f-49fa-8957-94b6b66537ef';
const other = 'de243f66-bc0d-4128-a4d1-e9943df3fb7c';
const story = 'b6649084-60ea-4472-94ef-180e4893b998';

describe('timelineSubjectId', () => {
  it('names the component of an architecture event (one stream per project)', () => {
    expect(
      timelineSubjectId({
        projectId: project,
        streamId: `architecture-${project}`,
        data: { componentId: component, projectId: project, name: 'Checkout.CartTotals' },
      }),
    ).toBe(component);
  });

  it("names a dependency's dependent component, and a story linked on the project's stream", () => {
    const on = (data: unknown) =>
      timelineSubjectId({ projectId: project, streamId: `architecture-${project}`, data });
    expect(on({ fromId: other, toId: component })).toBe(other);
    expect(on({ storyId: story })).toBe(story);
    expect(on({ componentId: component, storyId: story })).toBe(component);
  });

  it("is null when the event's own stream is its subject, or its data names nothing usable", () => {
    expect(
      timelineSubjectId({ projectId: project, streamId: `story-${story}`, data: { componentId: component } }),
    ).toBe(null);
    expect(
      timelineSubjectId({
        projectId: null,
        streamId: `architecture-${project}`,
        data: { componentId: component },
      }),
    ).toBe(null);
    const on = (data: unknown) =>
      timelineSubjectId({ projectId: project, streamId: `project-${project}`, data });
    expect(on({ name: 'Shop' })).toBe(null);
    expect(on({ componentId: 'not an id' })).toBe(null);
    expect(on(null)).toBe(null);
    expect(on('text')).toBe(null);
  });
});
