import { assertNever, ValidationError } from '@app/domain';
import type { ComponentKind } from '../component/component-kind';
import { COMPONENT_KINDS, isComponentKind } from '../component/component-kind';

/** The kinds of design document, one template each. */
export const DESIGN_TYPES = ['context', 'coordination_context', 'schema', 'component'] as const;
export type DesignType = (typeof DESIGN_TYPES)[number];

export const DESIGN_SECTION_NAMES = [
  'Purpose',
  'Entity Ownership',
  'Access Patterns',
  'Public API',
  'State Management Strategy',
  'Execution Flow',
  'Dependencies',
  'Components',
  'Fields',
  'Associations',
  'Validation Rules',
  'Database Constraints',
  'Test Strategies',
  'Test Assertions',
] as const;
export type DesignSectionName = (typeof DESIGN_SECTION_NAMES)[number];

export interface DesignSectionSpec {
  readonly name: DesignSectionName;
  readonly required: boolean;
}

/** A template: its sections in the order the template lists them (validation ignores the order). */
export interface DesignTemplateSpec {
  readonly type: DesignType;
  readonly sections: readonly DesignSectionSpec[];
}

export interface DesignSectionGuidance {
  /** One line telling the writer what goes into the section. */
  readonly guidance: string;
  /** The markdown shape the validator expects, for the sections it reads structurally. */
  readonly shape?: string;
}

/** What the H1 of a fresh template says; the writer replaces it with the component's name or module name. */
export const DESIGN_TITLE_PLACEHOLDER = 'ComponentName';

/**
 * The guidance shown under each `## Section` heading. Components, Dependencies and Test
 * Assertions are read structurally by `validateDesign`, so their guidance shows the shape:
 *
 * - Components: one H3 per component of the context, its name as the heading text;
 * - Dependencies: one top-level list item per dependency, the item being the component's name, or
 *   an inline-code name followed by a note (`` - `Payments`: charges the card ``). A paragraph such
 *   as `None` and no list says there are none;
 * - Test Assertions: one top-level list item per assertion.
 */
export const DESIGN_SECTION_GUIDANCE: Readonly<Record<DesignSectionName, DesignSectionGuidance>> = {
  Purpose: { guidance: 'What this is for, in one or two paragraphs, and what it is not responsible for.' },
  'Entity Ownership': {
    guidance: 'The entities this context owns: it is the only place that creates or changes them.',
  },
  'Access Patterns': {
    guidance: 'How callers find and load data: the queries, their keys, filters and scoping.',
  },
  'Public API': {
    guidance: 'The functions or endpoints other components call, with their arguments, results and errors.',
  },
  'State Management Strategy': {
    guidance: 'Where the state lives (database, memory, cache), who changes it and how it stays consistent.',
  },
  'Execution Flow': { guidance: 'The steps of each main operation, in order, as a numbered list.' },
  Dependencies: {
    guidance:
      'One list item per component this depends on: just its name, or its name in backticks followed by a note. Write None when there are none.',
    shape: ['- Payments', '- `Shop.Inventory`: reserves the stock'].join('\n'),
  },
  Components: {
    guidance:
      'One H3 heading per component of this context, its name as the heading, then what it is responsible for. A name that does not exist yet is a proposal.',
    shape: ['### OrderRepository', '', 'Loads and stores orders.'].join('\n'),
  },
  Fields: { guidance: 'One list item per field: its name, type and constraints.' },
  Associations: { guidance: 'The relations to other schemas (belongs to, has many) and their keys.' },
  'Validation Rules': { guidance: 'The rules the input validation enforces, one per list item.' },
  'Database Constraints': { guidance: 'Indexes, unique constraints, foreign keys and checks.' },
  'Test Strategies': {
    guidance: 'How this is tested: the test levels, fixtures, and what is faked and what is real.',
  },
  'Test Assertions': {
    guidance:
      'One list item per behaviour a test asserts, stated so that it can fail, ending with the references of the acceptance criteria it verifies (none for an internal behaviour). Every criterion of the linked stories must be cited.',
    shape: [
      '- creates an order from a valid cart [AC-1]',
      '- rejects an empty cart with a validation error [AC-2, AC-3]',
    ].join('\n'),
  },
};

const required = (name: DesignSectionName): DesignSectionSpec => ({ name, required: true });
const optional = (name: DesignSectionName): DesignSectionSpec => ({ name, required: false });

export const DESIGN_TEMPLATES: Readonly<Record<DesignType, DesignTemplateSpec>> = {
  context: {
    type: 'context',
    sections: [
      required('Purpose'),
      required('Entity Ownership'),
      required('Access Patterns'),
      required('Public API'),
      required('State Management Strategy'),
      required('Execution Flow'),
      required('Dependencies'),
      required('Components'),
      required('Test Strategies'),
      required('Test Assertions'),
    ],
  },
  coordination_context: {
    type: 'coordination_context',
    sections: [
      required('Purpose'),
      optional('Entity Ownership'),
      required('Access Patterns'),
      required('Public API'),
      optional('State Management Strategy'),
      required('Execution Flow'),
      optional('Dependencies'),
      required('Test Strategies'),
      required('Test Assertions'),
    ],
  },
  schema: {
    type: 'schema',
    sections: [
      required('Purpose'),
      required('Fields'),
      optional('Associations'),
      optional('Validation Rules'),
      optional('Database Constraints'),
      optional('Dependencies'),
      required('Test Assertions'),
    ],
  },
  component: {
    type: 'component',
    sections: [
      required('Purpose'),
      required('Public API'),
      required('Execution Flow'),
      optional('Dependencies'),
      required('Test Assertions'),
    ],
  },
};

export function isDesignType(value: string): value is DesignType {
  return (DESIGN_TYPES as readonly string[]).includes(value);
}

/**
 * The template of `type`: a design type, or any component type (`module`, `repository`, … are
 * designed with the `component` template; `domain` and `coordination` name the context ones), in
 * any case; else a ValidationError on field `type` naming every accepted word.
 */
export function designTemplateSpec(type: string): DesignTemplateSpec {
  const word = type.trim().toLowerCase();
  const alias: Record<string, DesignType> = { domain: 'context', coordination: 'coordination_context' };
  const designType = isDesignType(word)
    ? word
    : isComponentKind(word)
      ? designTypeForKind(word)
      : alias[word];
  if (!designType)
    throw new ValidationError(`Unknown design type "${type}"`, [
      {
        field: 'type',
        message: `must be one of ${DESIGN_TYPES.join(', ')}, or a component type (${COMPONENT_KINDS.join(', ')})`,
      },
    ]);
  return DESIGN_TEMPLATES[designType];
}

/** Which template a component of `kind` is designed with: contexts and schemas their own, everything else `component`. */
export function designTypeForKind(kind: ComponentKind): DesignType {
  switch (kind) {
    case 'context':
      return 'context';
    case 'coordination_context':
      return 'coordination_context';
    case 'schema':
      return 'schema';
    case 'repository':
    case 'module':
    case 'ui':
    case 'task':
    case 'other':
      return 'component';
    default:
      return assertNever(kind, 'component kind');
  }
}

function comment(lines: string[]): string {
  return lines.length === 1 ? `<!-- ${lines[0]} -->` : ['<!--', ...lines, '-->'].join('\n');
}

/**
 * A markdown template of `type` to fill in: an H1 (`title`, by default the placeholder
 * `ComponentName`), then each section as `## Name` followed by an HTML comment with its guidance
 * (and its expected shape, for Components, Dependencies and Test Assertions). Comments do not
 * count as content, so an unfilled template does not validate. Optional sections say so; they may
 * be deleted. Throws a ValidationError (field `type`) for an unknown type.
 */
export function designTemplate(type: string, title: string = DESIGN_TITLE_PLACEHOLDER): string {
  const spec = designTemplateSpec(type);
  const blocks = [
    `# ${title}`,
    comment(["The title is the component's name or its module name."]),
    ...spec.sections.map(({ name, required }) => {
      const { guidance, shape } = DESIGN_SECTION_GUIDANCE[name];
      const text = required ? guidance : `Optional: ${guidance} Delete this section if it does not apply.`;
      return [`## ${name}`, '', comment(shape ? [text, '', shape] : [text])].join('\n');
    }),
  ];
  return `${blocks.join('\n\n')}\n`;
}
