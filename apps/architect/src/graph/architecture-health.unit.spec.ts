import type { GraphComponent } from './dependency-graph';
import { architectureHealth, HEALTH_RULES, healthLevel } from './architecture-health';
import { component, edges } from './testing/graph.fixtures';

/** Every story of the project on a component, unless a test says otherwise. */
const ALL_COVERED = { total: 3, onComponents: 3 };

const rulesOf = (components: GraphComponent[], deps = edges()) =>
  architectureHealth(components, deps, ALL_COVERED).findings.map((f) => `${f.rule}:${f.componentId}`);

/** A healthy little architecture: one context, two components, both covered. */
const healthy = [
  component('Shop', { kind: 'context' }),
  component('CartUI', { kind: 'ui', parentId: 'Shop', storyCount: 2 }),
  component('Cart', { kind: 'schema', parentId: 'Shop' }),
];

describe('architectureHealth', () => {
  it('gives a covered architecture 100, excellent, full coverage and no findings', () => {
    expect(architectureHealth(healthy, edges('CartUI>Cart'), ALL_COVERED)).toEqual({
      score: 100,
      level: 'excellent',
      storyCoverage: 1,
      findings: [],
    });
  });

  it('gives an empty project a coverage of 1 and a score of 100', () => {
    expect(architectureHealth([], [], { total: 0, onComponents: 0 })).toEqual({
      score: 100,
      level: 'excellent',
      storyCoverage: 1,
      findings: [],
    });
  });

  describe('fan-out', () => {
    const targets = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'].map((id) => component(id, { storyCount: 1 }));

    it('is a warning for more than 5 distinct dependencies', () => {
      const hub = component('Hub', { storyCount: 1 });
      const deps = edges(...targets.map((t) => `Hub>${t.id}`));
      const { findings } = architectureHealth([hub, ...targets], deps, ALL_COVERED);
      expect(findings).toEqual([
        {
          rule: 'fan-out',
          severity: 'WARNING',
          componentId: 'Hub',
          message:
            'Hub depends on 6 components (more than 5): T1, T2, T3, T4, T5, T6. Consider splitting it or introducing a coordination context.',
        },
      ]);
    });

    it('is not raised at 5, nor by duplicates or unknown targets', () => {
      const hub = component('Hub', { storyCount: 1 });
      const five = targets.slice(0, 5).map((t) => `Hub>${t.id}`);
      expect(rulesOf([hub, ...targets], edges(...five, ...five, 'Hub>Ghost'))).toEqual([]);
    });
  });

  describe('orphaned-context', () => {
    it('is reported for a context nothing story-linked reaches', () => {
      const components = [
        ...healthy,
        component('Reports', { kind: 'context' }),
        component('Chart', { parentId: 'Reports', kind: 'ui' }),
      ];
      expect(rulesOf(components, edges('CartUI>Cart'))).toEqual([
        'orphaned-context:Reports',
        'no-stories:Chart',
      ]);
    });

    it('is not reported once a story-linked component depends on the context', () => {
      const components = [
        ...healthy,
        component('Reports', { kind: 'context' }),
        component('Chart', { parentId: 'Reports', kind: 'ui' }),
      ];
      expect(rulesOf(components, edges('CartUI>Cart', 'CartUI>Chart'))).toEqual([]);
    });
  });

  describe('no-stories', () => {
    it('is reported for a non-context component that has no stories and is not reached', () => {
      const components = [...healthy, component('Mailer', { parentId: 'Shop' })];
      expect(rulesOf(components, edges('CartUI>Cart'))).toEqual(['no-stories:Mailer']);
      expect(architectureHealth(components, edges('CartUI>Cart'), ALL_COVERED).findings[0]).toMatchObject({
        severity: 'WARNING',
        message: 'Mailer has no stories and no story-linked component depends on it.',
      });
    });

    it('is not reported when the component is reached or has stories', () => {
      expect(
        rulesOf([...healthy, component('Mailer', { parentId: 'Shop' })], edges('CartUI>Cart', 'Cart>Mailer')),
      ).toEqual([]);
      expect(
        rulesOf([...healthy, component('Mailer', { parentId: 'Shop', storyCount: 1 })], edges('CartUI>Cart')),
      ).toEqual([]);
    });
  });

  describe('empty-context', () => {
    it('is an INFO for a context without children', () => {
      const components = [...healthy, component('Later', { kind: 'coordination_context', storyCount: 1 })];
      expect(architectureHealth(components, edges('CartUI>Cart'), ALL_COVERED).findings).toEqual([
        {
          rule: 'empty-context',
          severity: 'INFO',
          componentId: 'Later',
          message: 'The context Later has no components.',
        },
      ]);
    });

    it('is not reported for a context with a child', () => {
      expect(rulesOf(healthy, edges('CartUI>Cart'))).toEqual([]);
    });
  });

  it('lists findings by rule, then by component name and id', () => {
    const components = [
      component('Z', { kind: 'context' }),
      component('Y', { kind: 'context' }),
      component('b'),
      component('a'),
    ];
    expect(rulesOf(components)).toEqual([
      'orphaned-context:Y',
      'orphaned-context:Z',
      'no-stories:a',
      'no-stories:b',
      'empty-context:Y',
      'empty-context:Z',
    ]);
    expect(HEALTH_RULES).toEqual(['fan-out', 'orphaned-context', 'no-stories', 'empty-context']);
  });

  it("defines coverage as the share of the project's stories that are on a component", () => {
    // Every component is reached, but one story of four ("Admin dashboard") is on none.
    const components = [
      component('Shop', { kind: 'context' }),
      component('UI', { kind: 'ui', parentId: 'Shop', storyCount: 3 }),
      component('Cart', { kind: 'schema', parentId: 'Shop' }),
    ];
    const health = architectureHealth(components, edges('UI>Cart'), { total: 4, onComponents: 3 });
    expect(health.storyCoverage).toBe(0.75);
    // 100 − 40 × 0.25 = 90.
    expect(health.score).toBe(90);
    expect(health.findings).toEqual([]);
  });

  it('rounds coverage to 4 decimals and clamps the score at 0', () => {
    expect(
      architectureHealth([component('UI', { storyCount: 1 })], [], { total: 3, onComponents: 1 })
        .storyCoverage,
    ).toBe(0.3333);
    const many = Array.from({ length: 30 }, (_, i) => component(`c${i}`));
    const none = { total: 5, onComponents: 0 };
    expect(architectureHealth(many, [], none).score).toBe(0);
    expect(architectureHealth(many, [], none).level).toBe('poor');
  });

  it('is deterministic: the order of the input does not matter', () => {
    const components = [
      ...healthy,
      component('Reports', { kind: 'context' }),
      component('Mailer'),
      component('Hub', { storyCount: 1 }),
      ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6'].map((id) => component(id)),
    ];
    const deps = edges('CartUI>Cart', 'Hub>T1', 'Hub>T2', 'Hub>T3', 'Hub>T4', 'Hub>T5', 'Hub>T6');
    expect(architectureHealth([...components].reverse(), [...deps].reverse(), ALL_COVERED)).toEqual(
      architectureHealth(components, deps, ALL_COVERED),
    );
  });
});

describe('healthLevel', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89, 'good'],
    [75, 'good'],
    [74, 'fair'],
    [50, 'fair'],
    [49, 'poor'],
    [0, 'poor'],
  ] as const)('%d is %s', (score, level) => {
    expect(healthLevel(score)).toBe(level);
  });
});
