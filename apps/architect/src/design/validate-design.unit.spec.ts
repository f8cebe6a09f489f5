import { ValidationError } from '@app/domain';
import type { DesignType } from './design-templates';
import { DESIGN_TEMPLATES, DESIGN_TYPES, designTemplate } from './design-templates';
import type { DesignContext } from './validate-design';
import { DESIGN_ERROR_CODES, validateDesign } from './validate-design';

type Sections = [string, string][];

const contextSections: Sections = [
  ['Purpose', 'Turns a cart into an order.'],
  ['Entity Ownership', 'Orders and their lines.'],
  ['Access Patterns', 'Orders by id and by customer.'],
  ['Public API', '`place_order(cart)` returns the order or a validation error.'],
  ['State Management Strategy', 'Orders live in Postgres.'],
  ['Execution Flow', '1. Validate the cart\n2. Reserve stock\n3. Store the order'],
  ['Dependencies', '- Payments\n- `Inventory`: reserves the stock'],
  ['Components', '### Cart\n\nHolds the items.\n\n### `OrderRepository`\n\nStores orders.'],
  ['Test Strategies', 'Unit tests with an in-memory repository.'],
  ['Test Assertions', '- places an order for a valid cart\n- rejects an empty cart with `:empty_cart`'],
];

const checkout: DesignContext = {
  type: 'context',
  componentName: 'Checkout',
  moduleName: 'Shop.Checkout',
  childComponentNames: ['Cart', 'OrderRepository'],
  dependencyNames: ['Payments', 'Inventory'],
};

function document(sections: Sections, title: string | null = 'Checkout'): string {
  const parts = title === null ? [] : [`# ${title}`];
  for (const [name, body] of sections) parts.push(`## ${name}`, body);
  return `${parts.join('\n\n')}\n`;
}

function withSection(name: string, body: string, sections = contextSections): Sections {
  return sections.map(([n, b]) => [n, n === name ? body : b]);
}

function without(name: string, sections = contextSections): Sections {
  return sections.filter(([n]) => n !== name);
}

const codes = (markdown: string, context: DesignContext = checkout) =>
  validateDesign(markdown, context).errors.map((e) => e.code);

describe('validateDesign', () => {
  it('accepts a complete context design', () => {
    expect(validateDesign(document(contextSections), checkout)).toEqual({
      valid: true,
      errors: [],
      proposedComponents: [],
      testAssertions: ['places an order for a valid cart', 'rejects an empty cart with `:empty_cart`'],
    });
  });

  it('throws a ValidationError on field type for an unknown type', () => {
    expect(() => validateDesign('# X', { ...checkout, type: 'widget' as DesignType })).toThrow(
      ValidationError,
    );
  });

  describe('missing-title', () => {
    it('fails without an H1', () => {
      expect(validateDesign(document(contextSections, null), checkout).errors).toEqual([
        {
          code: 'missing-title',
          message: 'The design has no title: start it with "# Checkout"',
          section: null,
        },
      ]);
    });

    it('does not count a heading inside a block quote or a list', () => {
      expect(codes(`> # Checkout\n\n${document(contextSections, null)}`)).toEqual(['missing-title']);
    });

    it('passes with an H1', () => {
      expect(codes(document(contextSections))).not.toContain('missing-title');
    });
  });

  describe('duplicate-title', () => {
    it('fails with a second H1', () => {
      expect(validateDesign(`${document(contextSections)}\n# Appendix\n`, checkout).errors).toEqual([
        {
          code: 'duplicate-title',
          message: 'The design has more than one H1: "Appendix" is an extra title',
          section: null,
        },
      ]);
    });

    it('passes with one H1', () => {
      expect(codes(document(contextSections))).toEqual([]);
    });
  });

  describe('title-mismatch', () => {
    it('fails when the title names something else', () => {
      expect(validateDesign(document(contextSections, 'Payments'), checkout).errors).toEqual([
        {
          code: 'title-mismatch',
          message: 'The title "Payments" does not name the component: expected "Checkout" or "Shop.Checkout"',
          section: null,
        },
      ]);
    });

    it('is case-sensitive', () => {
      expect(codes(document(contextSections, 'checkout'))).toEqual(['title-mismatch']);
    });

    it('without a module name, expects the name only', () => {
      expect(
        validateDesign(document(contextSections, 'Shop.Checkout'), { ...checkout, moduleName: undefined })
          .errors[0].message,
      ).toBe('The title "Shop.Checkout" does not name the component: expected "Checkout"');
    });

    it.each(['Checkout', 'Shop.Checkout', '`Shop.Checkout`', '  Checkout  ', 'Checkout <!-- v2 -->'])(
      'passes with %j',
      (title) => {
        expect(codes(document(contextSections, title))).toEqual([]);
      },
    );
  });

  describe('unknown-section', () => {
    it('fails with a section that is neither required nor optional, naming it', () => {
      const markdown = document([...contextSections, ['Rollout Plan', 'Ship it.']]);
      expect(validateDesign(markdown, checkout).errors).toEqual([
        {
          code: 'unknown-section',
          message:
            '"Rollout Plan" is not a section of a context design; a context design has Purpose, Entity Ownership, Access Patterns, Public API, State Management Strategy, Execution Flow, Dependencies, Components, Test Strategies, Test Assertions',
          section: 'Rollout Plan',
        },
      ]);
    });

    it('suggests the section a wrongly cased name means', () => {
      const markdown = document([...without('Public API'), ['Public api', 'x']]);
      expect(validateDesign(markdown, checkout).errors).toEqual([
        {
          code: 'unknown-section',
          message: '"Public api" is not a section of a context design (did you mean "Public API"?)',
          section: 'Public api',
        },
        {
          code: 'missing-section',
          message: 'The required section "Public API" is missing',
          section: 'Public API',
        },
      ]);
    });

    it('rejects a section of another template', () => {
      const component: DesignContext = {
        ...checkout,
        type: 'component',
        childComponentNames: [],
        dependencyNames: [],
      };
      const sections = contextSections.filter(([n]) =>
        ['Purpose', 'Public API', 'Execution Flow', 'Test Assertions'].includes(n),
      );
      expect(codes(document(sections), component)).toEqual([]);
      expect(codes(document([...sections, ['Components', '### Cart']]), component)).toEqual([
        'unknown-section',
      ]);
    });

    it('takes a Dependencies section in any design and checks it against the graph', () => {
      const component: DesignContext = {
        ...checkout,
        type: 'component',
        childComponentNames: [],
        dependencyNames: ['Payments'],
      };
      const sections = contextSections.filter(([n]) =>
        ['Purpose', 'Public API', 'Execution Flow', 'Test Assertions'].includes(n),
      );
      expect(codes(document([...sections, ['Dependencies', '- Payments']]), component)).toEqual([]);
      expect(codes(document([...sections, ['Dependencies', '- Shipping']]), component)).toEqual([
        'missing-dependency',
        'unexpected-dependency',
      ]);
    });

    it('passes with an optional section', () => {
      const coordination: DesignContext = { ...checkout, type: 'coordination_context' };
      const sections = contextSections.filter(([n]) => !['Dependencies', 'Components'].includes(n));
      expect(codes(document(sections), coordination)).toEqual([]);
      expect(codes(document(without('Entity Ownership', sections)), coordination)).toEqual([]);
    });
  });

  describe('duplicate-section', () => {
    it('fails when a section appears twice, and reads the first', () => {
      const markdown = document([...contextSections, ['Purpose', 'Again.']]);
      expect(validateDesign(markdown, checkout).errors).toEqual([
        {
          code: 'duplicate-section',
          message: 'The section "Purpose" appears more than once',
          section: 'Purpose',
        },
      ]);
    });

    it('passes when every section appears once', () => {
      expect(codes(document(contextSections))).toEqual([]);
    });
  });

  describe('missing-section', () => {
    it('fails for each missing required section', () => {
      const markdown = document(without('Purpose', without('Test Strategies')));
      expect(validateDesign(markdown, checkout).errors).toEqual([
        { code: 'missing-section', message: 'The required section "Purpose" is missing', section: 'Purpose' },
        {
          code: 'missing-section',
          message: 'The required section "Test Strategies" is missing',
          section: 'Test Strategies',
        },
      ]);
    });

    it('does not count an H3 or a heading in a list as the section', () => {
      const markdown = document(without('Purpose', withSection('Public API', '### Purpose\n\n- ## Purpose')));
      expect(codes(markdown)).toEqual(['missing-section']);
    });

    it('passes when the required sections are there', () => {
      expect(codes(document(contextSections))).toEqual([]);
    });
  });

  describe('empty-section', () => {
    it('fails for a required section without content, or with only comments and rules', () => {
      expect(validateDesign(document(withSection('Purpose', '')), checkout).errors).toEqual([
        { code: 'empty-section', message: 'The section "Purpose" is empty', section: 'Purpose' },
      ]);
      expect(codes(document(withSection('Purpose', '<!-- to do -->\n\n---')))).toEqual(['empty-section']);
    });

    it('fails for an empty Components, Dependencies or Test Assertions section only once', () => {
      for (const name of ['Components', 'Dependencies', 'Test Assertions'])
        expect(codes(document(withSection(name, '<!-- later -->')))).toEqual(['empty-section']);
    });

    it('passes with content, and for an empty optional section', () => {
      expect(codes(document(withSection('Purpose', '<!-- c -->\n\nReal text.')))).toEqual([]);
      const coordination: DesignContext = { ...checkout, type: 'coordination_context' };
      const sections = contextSections.filter(([n]) => !['Dependencies', 'Components'].includes(n));
      expect(codes(document(withSection('Entity Ownership', '', sections)), coordination)).toEqual([]);
    });
  });

  describe('missing-component', () => {
    it('fails for an existing child without an H3 under Components', () => {
      const markdown = document(withSection('Components', '### Cart\n\nHolds the items.'));
      expect(validateDesign(markdown, checkout).errors).toEqual([
        {
          code: 'missing-component',
          message:
            'Checkout has the component OrderRepository but the design does not list it under Components (as "### OrderRepository")',
          section: 'Components',
        },
      ]);
    });

    it('does not accept a list item, a deeper heading or a different case for a child', () => {
      const markdown = document(withSection('Components', '- Cart\n\n#### OrderRepository\n\n### cart'));
      const result = validateDesign(markdown, checkout);
      expect(result.errors.map((e) => e.code)).toEqual(['missing-component', 'missing-component']);
      expect(result.proposedComponents).toEqual(['cart']);
    });

    it('returns unknown names as proposals, not errors', () => {
      const markdown = document(
        withSection(
          'Components',
          '### Cart\n\n### OrderRepository\n\n### PriceCalculator\n\nPrices.\n\n### PriceCalculator',
        ),
      );
      expect(validateDesign(markdown, checkout)).toMatchObject({
        valid: true,
        errors: [],
        proposedComponents: ['PriceCalculator'],
      });
    });

    it('passes for a context without children that says so', () => {
      const markdown = document(withSection('Components', 'None yet.'));
      expect(validateDesign(markdown, { ...checkout, childComponentNames: [] }).valid).toBe(true);
    });
  });

  describe('missing-dependency and unexpected-dependency', () => {
    it('fails for each dependency the design does not list, naming both components', () => {
      const markdown = document(withSection('Dependencies', '- Inventory'));
      expect(validateDesign(markdown, checkout).errors).toEqual([
        {
          code: 'missing-dependency',
          message: 'Checkout depends on Payments but the design does not list it',
          section: 'Dependencies',
        },
      ]);
    });

    it('fails for each listed dependency that does not exist', () => {
      const markdown = document(withSection('Dependencies', '- Payments\n- Inventory\n- Shipping'));
      expect(validateDesign(markdown, checkout).errors).toEqual([
        {
          code: 'unexpected-dependency',
          message: 'The design lists Shipping as a dependency but Checkout does not depend on Shipping',
          section: 'Dependencies',
        },
      ]);
    });

    it('matches case-sensitively, after trimming and stripping backticks', () => {
      expect(codes(document(withSection('Dependencies', '- `Payments`\n-   Inventory  ')))).toEqual([]);
      expect(codes(document(withSection('Dependencies', '- payments\n- Inventory')))).toEqual([
        'missing-dependency',
        'unexpected-dependency',
      ]);
    });

    it('reads an inline-code name followed by a note, and only top-level items', () => {
      const body = '* `Payments` — charges the card\n  - Stripe\n* **Inventory**';
      expect(codes(document(withSection('Dependencies', body)))).toEqual([]);
    });

    it('takes a plain item as a whole, so a note without backticks is a different name', () => {
      expect(codes(document(withSection('Dependencies', '- Payments: charges\n- Inventory')))).toEqual([
        'missing-dependency',
        'unexpected-dependency',
      ]);
    });

    it('passes with "None" for a component without dependencies, and fails it with some', () => {
      const markdown = document(withSection('Dependencies', 'None.'));
      expect(codes(markdown, { ...checkout, dependencyNames: [] })).toEqual([]);
      expect(codes(markdown)).toEqual(['missing-dependency', 'missing-dependency']);
    });

    it('does not check dependencies when the section is missing (missing-section says it)', () => {
      expect(codes(document(without('Dependencies')))).toEqual(['missing-section']);
    });
  });

  describe('empty-test-assertions', () => {
    it('fails when Test Assertions has no list', () => {
      const markdown = document(withSection('Test Assertions', 'We test everything.'));
      expect(validateDesign(markdown, checkout)).toMatchObject({
        valid: false,
        errors: [
          {
            code: 'empty-test-assertions',
            message: 'Test Assertions must be a list with at least one item ("- <behaviour a test asserts>")',
            section: 'Test Assertions',
          },
        ],
        testAssertions: [],
      });
    });

    it('fails when the list items are blank', () => {
      expect(codes(document(withSection('Test Assertions', 'Intro.\n\n-\n-')))).toEqual([
        'empty-test-assertions',
      ]);
    });

    it('passes with a list, returning its top-level items as written', () => {
      const body = '1. places an order\n   for a **valid** cart\n2. rejects `nil`\n   - detail';
      expect(validateDesign(document(withSection('Test Assertions', body)), checkout).testAssertions).toEqual(
        ['places an order for a **valid** cart', 'rejects `nil` - detail'],
      );
    });
  });

  describe('uncited-criterion and unknown-criterion', () => {
    const linked: DesignContext = {
      ...checkout,
      criteria: [
        { ref: 'AC-1', description: 'an order needs a cart', storyTitle: 'Place an order' },
        { ref: 'AC-2', description: 'an empty cart is refused', storyTitle: 'Place an order' },
        { ref: 'AC-7', description: 'stock is reserved', storyTitle: 'Reserve stock' },
      ],
    };
    const assertions = (body: string) => document(withSection('Test Assertions', body));

    it('passes when every criterion is cited, in one bracket or several, next to internal assertions', () => {
      const body = '- places an order [AC-1]\n- refuses an empty cart [AC-2][AC-7]\n- logs the order id';
      expect(validateDesign(assertions(body), linked)).toMatchObject({ valid: true, errors: [] });
    });

    it('names each criterion that no assertion cites, with its story', () => {
      expect(validateDesign(assertions('- places an order [AC-1, AC-7]'), linked).errors).toEqual([
        {
          code: 'uncited-criterion',
          message:
            'AC-2 of "Place an order" (an empty cart is refused) is cited by no test assertion; end an assertion that verifies it with [AC-2]',
          section: 'Test Assertions',
        },
      ]);
    });

    it('names each cited reference that is not a criterion of a linked story, malformed ones included', () => {
      const body = '- places an order [AC-1, AC-2, AC-7]\n- ships [AC-9]\n- bills [AC-01]';
      expect(validateDesign(assertions(body), linked).errors).toEqual([
        {
          code: 'unknown-criterion',
          message: '[AC-9] is not an acceptance criterion of a story linked to Checkout',
          section: 'Test Assertions',
        },
        {
          code: 'unknown-criterion',
          message: '[AC-01] is not an acceptance criterion of a story linked to Checkout',
          section: 'Test Assertions',
        },
      ]);
    });

    it('checks nothing when no criteria are given, and refuses every citation when no story is linked', () => {
      expect(codes(assertions('- places an order [AC-3]'))).toEqual([]);
      expect(codes(assertions('- places an order [AC-3]'), { ...checkout, criteria: [] })).toEqual([
        'unknown-criterion',
      ]);
    });
  });

  it('lists errors as title, sections in document order, then template order', () => {
    const markdown = document(
      [['Extra', 'x'], ...without('Purpose', withSection('Test Assertions', 'none')), ['Extra', 'y']],
      'Nope',
    );
    expect(codes(markdown)).toEqual([
      'title-mismatch',
      'unknown-section',
      'unknown-section',
      'missing-section',
      'empty-test-assertions',
    ]);
  });

  it('uses stable codes only', () => {
    const markdown = document(
      [
        ['Extra', 'x'],
        ['Purpose', ''],
      ],
      null,
    );
    for (const code of codes(markdown)) expect(DESIGN_ERROR_CODES).toContain(code);
  });

  describe('templates', () => {
    const contexts: Record<DesignType, DesignContext> = {
      context: { ...checkout, childComponentNames: ['Cart'], dependencyNames: ['Payments'] },
      coordination_context: { ...checkout, type: 'coordination_context' },
      schema: { type: 'schema', componentName: 'Order', childComponentNames: [], dependencyNames: [] },
      component: {
        type: 'component',
        componentName: 'Shop.Cart',
        childComponentNames: [],
        dependencyNames: [],
      },
    };

    /** Replaces each section's guidance comment with the least content that passes. */
    function fillMinimally(template: string): string {
      return template.replace(/^## (.+)\n\n<!--[\s\S]*?-->/gm, (whole, name: string) => {
        if (name === 'Components') return `## ${name}\n\n### Cart`;
        const optional = /^<!--\s*Optional/.test(whole.slice(whole.indexOf('<!--')));
        if (name === 'Dependencies' && !optional) return `## ${name}\n\n- Payments`;
        if (name === 'Test Assertions') return `## ${name}\n\n- it works`;
        // Optional sections keep their comment: an empty optional section is allowed.
        return optional ? whole : `## ${name}\n\nFilled in.`;
      });
    }

    it.each(DESIGN_TYPES)('a %s template filled minimally validates', (type) => {
      const context = contexts[type];
      const markdown = fillMinimally(designTemplate(type, context.componentName));
      expect(validateDesign(markdown, context)).toEqual({
        valid: true,
        errors: [],
        proposedComponents: [],
        testAssertions: ['it works'],
      });
    });

    it.each(DESIGN_TYPES)(
      'an unfilled %s template is invalid: its title and every required section',
      (type) => {
        const context = contexts[type];
        const required = DESIGN_TEMPLATES[type].sections.filter((s) => s.required).map((s) => s.name);
        expect(validateDesign(designTemplate(type), context).errors).toEqual([
          expect.objectContaining({ code: 'title-mismatch' }),
          ...required.map((name) => ({
            code: 'empty-section',
            message: `The section "${name}" is empty`,
            section: name,
          })),
        ]);
      },
    );
  });
});
