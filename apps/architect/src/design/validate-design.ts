import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { DesignSectionName, DesignType } from './design-templates';
import { DESIGN_SECTION_NAMES, designTemplateSpec } from './design-templates';
import type { DesignError } from './design-error';
import type { LinkedCriterion } from './check-citations';
import { checkCitations } from './check-citations';

export type { DesignError, DesignErrorCode } from './design-error';
export type { LinkedCriterion } from './check-citations';
export { DESIGN_ERROR_CODES } from './design-error';

export interface DesignContext {
  readonly type: DesignType;
  /** The component the design is for; the H1 must be this or `moduleName`. */
  readonly componentName: string;
  readonly moduleName?: string;
  /** The names of the component's existing children (contexts): each must have an H3 under Components. */
  readonly childComponentNames: readonly string[];
  /** The names of the components it depends on: the Dependencies list must name exactly these. */
  readonly dependencyNames: readonly string[];
  /**
   * The referenced criteria of the stories linked to the component: Test Assertions must cite each
   * (`[AC-<n>]`) and nothing else. Left out, citations are not checked.
   */
  readonly criteria?: readonly LinkedCriterion[];
}

export interface DesignValidation {
  readonly valid: boolean;
  readonly errors: readonly DesignError[];
  /** Names under Components that are not existing children, in document order: proposals, not errors. */
  readonly proposedComponents: readonly string[];
  /** The items of the Test Assertions list, as written (markdown source, whitespace collapsed). */
  readonly testAssertions: readonly string[];
}

interface Section {
  readonly name: string;
  readonly nodes: RootContent[];
}

const parser = unified().use(remarkParse).freeze();

/** A name as matched: trimmed; inline code counts by its content, so `` `Shop.Cart` `` is `Shop.Cart`. */
function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'html':
      return '';
    default:
      return 'children' in node ? node.children.map((child: Nodes) => plainText(child)).join('') : '';
  }
}

const COMMENT_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/** Content that says something: not an HTML comment, not a thematic break, not a link definition. */
function isContent(node: RootContent): boolean {
  if (node.type === 'html') return !COMMENT_ONLY.test(node.value);
  return node.type !== 'thematicBreak' && node.type !== 'definition';
}

function topLevelItems(nodes: readonly RootContent[]): ListItem[] {
  return nodes.filter((node): node is List => node.type === 'list').flatMap((list) => list.children);
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  return item.children.find((child): child is Paragraph => child.type === 'paragraph');
}

/**
 * The component a Dependencies item names: the whole item text, or, when the item starts with
 * inline code followed by more text (`` `Payments`: charges the card ``), the inline code.
 */
function dependencyNameOf(item: ListItem): string | null {
  const paragraph = firstParagraph(item);
  if (!paragraph) return null;
  const [first, ...rest] = paragraph.children;
  const restText = rest.map((node) => plainText(node)).join('');
  const name = first.type === 'inlineCode' && restText.trim().length > 0 ? first.value : plainText(paragraph);
  const trimmed = name.trim();
  return trimmed.length > 0 ? trimmed : null;
}

function sourceOf(markdown: string, item: ListItem): string | null {
  const first = item.children[0];
  const last = item.children[item.children.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const text = markdown.slice(start, end).replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : null;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function splitSections(tree: Root): { titles: Heading[]; sections: Section[] } {
  const titles: Heading[] = [];
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      titles.push(node);
      current = null;
    } else if (node.type === 'heading' && node.depth === 2) {
      current = { name: plainText(node).trim(), nodes: [] };
      sections.push(current);
    } else if (current) current.nodes.push(node);
  }
  return { titles, sections };
}

/** The one H1, naming the component (or its module). */
function checkTitle(
  titles: readonly Heading[],
  componentName: string,
  moduleName: string | undefined,
  errors: DesignError[],
): void {
  if (titles.length === 0)
    errors.push({
      code: 'missing-title',
      message: `The design has no title: start it with "# ${componentName}"`,
      section: null,
    });
  titles.slice(1).forEach((heading) =>
    errors.push({
      code: 'duplicate-title',
      message: `The design has more than one H1: "${plainText(heading).trim()}" is an extra title`,
      section: null,
    }),
  );
  if (titles.length > 0) {
    const title = plainText(titles[0]).trim();
    if (title !== componentName && title !== moduleName) {
      const expected = moduleName ? `"${componentName}" or "${moduleName}"` : `"${componentName}"`;
      errors.push({
        code: 'title-mismatch',
        message: `The title "${title}" does not name the component: expected ${expected}`,
        section: null,
      });
    }
  }
}

/** Known, unique, present and filled sections: the filled ones, by name. */
function checkSections(
  sections: readonly Section[],
  spec: ReturnType<typeof designTemplateSpec>,
  type: DesignContext['type'],
  errors: DesignError[],
): Map<DesignSectionName, readonly RootContent[]> {
  const allowed = new Map(spec.sections.map((s) => [s.name as string, s]));
  const byName = new Map<string, Section>();
  for (const section of sections) {
    if (!allowed.has(section.name)) {
      const lower = section.name.toLowerCase();
      const near = DESIGN_SECTION_NAMES.find((n) => allowed.has(n) && n.toLowerCase() === lower);
      const hint = near
        ? ` (did you mean "${near}"?)`
        : `; a ${type} design has ${spec.sections.map((s) => s.name).join(', ')}`;
      errors.push({
        code: 'unknown-section',
        message: `"${section.name}" is not a section of a ${type} design${hint}`,
        section: section.name,
      });
    } else if (byName.has(section.name))
      errors.push({
        code: 'duplicate-section',
        message: `The section "${section.name}" appears more than once`,
        section: section.name,
      });
    else byName.set(section.name, section);
  }
  const filled = new Map<DesignSectionName, readonly RootContent[]>();
  for (const { name, required } of spec.sections) {
    const section = byName.get(name);
    if (!section) {
      if (required)
        errors.push({
          code: 'missing-section',
          message: `The required section "${name}" is missing`,
          section: name,
        });
    } else if (section.nodes.some(isContent)) filled.set(name, section.nodes);
    else if (required)
      errors.push({ code: 'empty-section', message: `The section "${name}" is empty`, section: name });
  }
  return filled;
}

/** Every existing child is listed under Components; the other H3s are proposed components. */
function checkComponents(
  componentNodes: readonly RootContent[] | undefined,
  context: DesignContext,
  componentName: string,
  errors: DesignError[],
): string[] {
  const proposedComponents: string[] = [];
  if (componentNodes) {
    const listed = unique(
      componentNodes
        .filter((node): node is Heading => node.type === 'heading' && node.depth === 3)
        .map((heading) => plainText(heading).trim())
        .filter((name) => name.length > 0),
    );
    const children = unique(context.childComponentNames.map((name) => name.trim()));
    for (const child of children)
      if (!listed.includes(child))
        errors.push({
          code: 'missing-component',
          message: `${componentName} has the component ${child} but the design does not list it under Components (as "### ${child}")`,
          section: 'Components',
        });
    proposedComponents.push(...listed.filter((name) => !children.includes(name)));
  }
  return proposedComponents;
}

/** Dependencies lists exactly the component's dependencies. */
function checkDependencies(
  dependencyNodes: readonly RootContent[] | undefined,
  context: DesignContext,
  componentName: string,
  errors: DesignError[],
): void {
  if (dependencyNodes) {
    const listed = unique(
      topLevelItems(dependencyNodes)
        .map(dependencyNameOf)
        .filter((name): name is string => name !== null),
    );
    const actual = unique(context.dependencyNames.map((name) => name.trim()));
    for (const dependency of actual)
      if (!listed.includes(dependency))
        errors.push({
          code: 'missing-dependency',
          message: `${componentName} depends on ${dependency} but the design does not list it`,
          section: 'Dependencies',
        });
    for (const dependency of listed)
      if (!actual.includes(dependency))
        errors.push({
          code: 'unexpected-dependency',
          message: `The design lists ${dependency} as a dependency but ${componentName} does not depend on ${dependency}`,
          section: 'Dependencies',
        });
  }
}

/** The Test Assertions list (its items' source text); an empty one is an error. */
function readTestAssertions(
  markdown: string,
  assertionNodes: readonly RootContent[] | undefined,
  errors: DesignError[],
): string[] {
  const testAssertions: string[] = [];
  if (assertionNodes) {
    testAssertions.push(
      ...topLevelItems(assertionNodes)
        .map((item) => sourceOf(markdown, item))
        .filter((text): text is string => text !== null),
    );
    if (testAssertions.length === 0)
      errors.push({
        code: 'empty-test-assertions',
        message: 'Test Assertions must be a list with at least one item ("- <behaviour a test asserts>")',
        section: 'Test Assertions',
      });
  }
  return testAssertions;
}

/**
 * Validates a design document against the template of `context.type`, deterministically. The
 * markdown is parsed with remark (CommonMark); only top-level headings count as structure.
 *
 * Rules and their codes, in the order the errors are listed:
 * - exactly one H1 (`missing-title`; every further H1 is a `duplicate-title`), equal to the
 *   component's name or module name (`title-mismatch`);
 * - every H2 is a section of the template, required or optional (`unknown-section`), and appears
 *   once (`duplicate-section`; the first occurrence is the one read);
 * - every required section is present (`missing-section`) and has content other than HTML
 *   comments (`empty-section`); an empty optional section is allowed;
 * - Components (contexts): each existing child has an H3 there (`missing-component`); other H3
 *   names are returned in `proposedComponents`;
 * - Dependencies (any design that has the section): its top-level list items (see `DESIGN_SECTION_GUIDANCE`) name exactly
 *   `dependencyNames` (`missing-dependency`, `unexpected-dependency`);
 * - Test Assertions: a non-empty list (`empty-test-assertions`), returned in `testAssertions`;
 *   with `criteria` given, every criterion is cited by some item (`uncited-criterion`) and every
 *   cited reference is one of them (`unknown-criterion`).
 *
 * The structural checks run only on a section that is present and not empty (a missing or empty
 * one already has its error). Names (title, sections, components, dependencies) match
 * case-sensitively after trimming, inline code counting by its content. An unknown `type` is a
 * ValidationError on field `type`.
 */
export function validateDesign(markdown: string, context: DesignContext): DesignValidation {
  const spec = designTemplateSpec(context.type);
  const tree = parser.parse(markdown);
  const { titles, sections } = splitSections(tree);
  const errors: DesignError[] = [];
  const componentName = context.componentName.trim();
  checkTitle(titles, componentName, context.moduleName?.trim(), errors);
  const filled = checkSections(sections, spec, context.type, errors);
  const proposedComponents = checkComponents(filled.get('Components'), context, componentName, errors);
  checkDependencies(filled.get('Dependencies'), context, componentName, errors);
  const testAssertions = readTestAssertions(markdown, filled.get('Test Assertions'), errors);
  if (context.criteria && filled.has('Test Assertions'))
    checkCitations(testAssertions, context.criteria, componentName, errors);
  return { valid: errors.length === 0, errors, proposedComponents, testAssertions };
}
