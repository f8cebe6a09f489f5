/** A valid design of a DOMAIN context, for e2e flows; `cites` are the criteria of its linked stories. */
export const VALID_CONTEXT_DESIGN = (
  name: string,
  components: string[],
  dependencies: string[],
  cites: string[] = [],
) =>
  [
    `# ${name}`,
    ...[
      'Purpose',
      'Entity Ownership',
      'Access Patterns',
      'Public API',
      'State Management Strategy',
      'Execution Flow',
    ].map((s) => `## ${s}\n\n${s} of ${name}.`),
    `## Dependencies\n\n${dependencies.length ? dependencies.map((d) => `- ${d}`).join('\n') : 'None.'}`,
    `## Components\n\n${components.length ? components.map((c) => `### ${c}\n\nPart of ${name}.`).join('\n\n') : 'None yet.'}`,
    '## Test Strategies\n\nUnit tests of the deciders.',
    `## Test Assertions\n\n- rejects an empty cart${cites.length ? ` [${cites.join(', ')}]` : ''}\n- totals the lines`,
  ].join('\n\n');

/** A valid design of the Totals component of the e2e flows, citing AC-1 and AC-2. */
export const TOTALS_DESIGN = [
  '# Totals',
  '## Purpose\n\nAdds up the lines of an invoice.',
  '## Public API\n\n`total(lines: { price: number; qty: number }[]): number`',
  '## Execution Flow\n\n1. Sum price times quantity.',
  '## Test Assertions\n\n- adds the line totals [AC-1]\n- an empty invoice totals zero [AC-2]',
].join('\n\n');
