import { ValidationError } from '@app/domain';
import { COMPONENT_KINDS } from '../component/component-kind';
import {
  DESIGN_SECTION_GUIDANCE,
  DESIGN_TEMPLATES,
  DESIGN_TYPES,
  designTemplate,
  designTemplateSpec,
  designTypeForKind,
  isDesignType,
} from './design-templates';

const sectionsOf = (type: keyof typeof DESIGN_TEMPLATES, required: boolean) =>
  DESIGN_TEMPLATES[type].sections.filter((s) => s.required === required).map((s) => s.name);

describe('design templates (data)', () => {
  it('has the context sections, all required', () => {
    expect(sectionsOf('context', true)).toEqual([
      'Purpose',
      'Entity Ownership',
      'Access Patterns',
      'Public API',
      'State Management Strategy',
      'Execution Flow',
      'Dependencies',
      'Components',
      'Test Strategies',
      'Test Assertions',
    ]);
    expect(sectionsOf('context', false)).toEqual([]);
  });

  it('has the coordination context sections', () => {
    expect([...sectionsOf('coordination_context', true)].sort()).toEqual(
      [
        'Purpose',
        'Execution Flow',
        'Access Patterns',
        'Public API',
        'Test Strategies',
        'Test Assertions',
      ].sort(),
    );
    expect(sectionsOf('coordination_context', false)).toEqual([
      'Entity Ownership',
      'State Management Strategy',
      'Dependencies',
    ]);
  });

  it('has the schema sections', () => {
    expect(sectionsOf('schema', true)).toEqual(['Purpose', 'Fields', 'Test Assertions']);
    expect(sectionsOf('schema', false)).toEqual([
      'Associations',
      'Validation Rules',
      'Database Constraints',
      'Dependencies',
    ]);
  });

  it('has the component sections', () => {
    expect(sectionsOf('component', true)).toEqual([
      'Purpose',
      'Public API',
      'Execution Flow',
      'Test Assertions',
    ]);
    expect(sectionsOf('component', false)).toEqual(['Dependencies']);
  });

  it('has guidance for every section of every template', () => {
    for (const type of DESIGN_TYPES)
      for (const { name } of DESIGN_TEMPLATES[type].sections)
        expect(DESIGN_SECTION_GUIDANCE[name].guidance.length).toBeGreaterThan(10);
  });
});

describe('designTemplate', () => {
  it('renders an H1 placeholder and each section with its guidance', () => {
    const template = designTemplate('component');
    expect(template).toBe(
      [
        '# ComponentName',
        '',
        "<!-- The title is the component's name or its module name. -->",
        '',
        '## Purpose',
        '',
        `<!-- ${DESIGN_SECTION_GUIDANCE.Purpose.guidance} -->`,
        '',
        '## Public API',
        '',
        `<!-- ${DESIGN_SECTION_GUIDANCE['Public API'].guidance} -->`,
        '',
        '## Execution Flow',
        '',
        `<!-- ${DESIGN_SECTION_GUIDANCE['Execution Flow'].guidance} -->`,
        '',
        '## Dependencies',
        '',
        '<!--',
        `Optional: ${DESIGN_SECTION_GUIDANCE.Dependencies.guidance} Delete this section if it does not apply.`,
        '',
        '- Payments',
        '- `Shop.Inventory`: reserves the stock',
        '-->',
        '',
        '## Test Assertions',
        '',
        '<!--',
        DESIGN_SECTION_GUIDANCE['Test Assertions'].guidance,
        '',
        '- creates an order from a valid cart [AC-1]',
        '- rejects an empty cart with a validation error [AC-2, AC-3]',
        '-->',
        '',
      ].join('\n'),
    );
  });

  it('shows the list shapes of Components and Dependencies', () => {
    const template = designTemplate('context');
    expect(template).toContain('## Components\n\n<!--\n');
    expect(template).toContain('### OrderRepository');
    expect(template).toContain('- `Shop.Inventory`: reserves the stock');
  });

  it('marks optional sections', () => {
    expect(designTemplate('schema')).toMatch(
      /## Associations\n\n<!-- Optional: .* Delete this section if it does not apply\. -->/,
    );
  });

  it('lists the sections of the type, in order', () => {
    for (const type of DESIGN_TYPES) {
      const headings = [...designTemplate(type).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings).toEqual(DESIGN_TEMPLATES[type].sections.map((s) => s.name));
    }
  });

  it('takes the title to use', () => {
    expect(designTemplate('schema', 'Shop.Order')).toMatch(/^# Shop\.Order\n/);
  });

  it('rejects an unknown type with a ValidationError on field type naming every accepted word', () => {
    expect(() => designTemplate('widget')).toThrow(ValidationError);
    try {
      designTemplate('widget');
    } catch (error) {
      expect((error as ValidationError).problems).toEqual([
        {
          field: 'type',
          message:
            'must be one of context, coordination_context, schema, component, or a component type (context, coordination_context, schema, repository, module, ui, task, other)',
        },
      ]);
    }
    expect.assertions(2);
  });

  it('takes every component type, in any case, for the template it is designed with', () => {
    for (const kind of ['module', 'Repository', 'ui', 'task', 'other'])
      expect(designTemplateSpec(kind)).toBe(DESIGN_TEMPLATES.component);
    expect(designTemplateSpec('Context')).toBe(DESIGN_TEMPLATES.context);
    expect(designTemplateSpec('domain')).toBe(DESIGN_TEMPLATES.context);
    expect(designTemplateSpec('COORDINATION')).toBe(DESIGN_TEMPLATES.coordination_context);
  });

  it('knows its types', () => {
    expect(DESIGN_TYPES.every(isDesignType)).toBe(true);
    expect(isDesignType('module')).toBe(false);
    expect(designTemplateSpec('schema')).toBe(DESIGN_TEMPLATES.schema);
  });
});

describe('designTypeForKind', () => {
  it('maps contexts and schemas to their own templates, everything else to component', () => {
    expect(Object.fromEntries(COMPONENT_KINDS.map((kind) => [kind, designTypeForKind(kind)]))).toEqual({
      context: 'context',
      coordination_context: 'coordination_context',
      schema: 'schema',
      repository: 'component',
      module: 'component',
      ui: 'component',
      task: 'component',
      other: 'component',
    });
  });
});
