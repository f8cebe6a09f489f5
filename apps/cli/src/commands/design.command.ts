import { readFile, writeFile } from 'node:fs/promises';
import type { Command, CommandContext } from '../command';
import { CliError } from '../cli-error';
import { componentOption } from '../project-ref';

interface Check {
  valid: boolean;
  errors: { code: string; message: string; section: string | null }[];
  proposedComponents: string[];
  testAssertions: string[];
}

async function markdownOf(context: CommandContext): Promise<string> {
  const file = context.positionals[0];
  if (!file) throw new CliError('a design file is required (see --help)', 2);
  return readFile(file, 'utf8').catch((error: Error) => {
    throw new CliError(`cannot read ${file}: ${error.message}`);
  });
}

function report(context: CommandContext, check: Check): void {
  if (context.json) {
    context.out(JSON.stringify(check, null, 2));
    return;
  }
  for (const e of check.errors) context.out(`✗ ${e.section ? `[${e.section}] ` : ''}${e.code}: ${e.message}`);
  for (const name of check.proposedComponents) context.out(`+ proposed component: ${name}`);
  if (check.valid) context.out(`✓ valid (${check.testAssertions.length} test assertion(s))`);
}

export const designTemplateCommand: Command = {
  path: ['design', 'template'],
  summary: 'Print a design template',
  usage: 'codemyspec design template <context|coordination_context|schema|component> [--out <file>]',
  help: [],
  options: { out: { type: 'string' } },
  async run(context) {
    const type = context.positionals[0];
    if (!type) throw new CliError('a template type is required (see --help)', 2);
    const { graphql } = await context.connect();
    const { designTemplate } = await graphql<{ designTemplate: string }>(
      'query($t: String!) { designTemplate(type: $t) }',
      { t: type },
    );
    if (typeof context.values.out === 'string') await writeFile(context.values.out, designTemplate);
    else
      context.out(
        context.json ? JSON.stringify({ type, template: designTemplate }) : designTemplate.replace(/\n$/, ''),
      );
    return 0;
  },
};

export const designValidateCommand: Command = {
  path: ['design', 'validate'],
  summary: "Check a design file with the architect's rules, without storing it",
  usage: 'codemyspec design validate <file> --component <component>',
  help: ['Exits 1 when the design is invalid.'],
  options: {
    component: { type: 'string', description: 'the component (name or id)' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  async run(context) {
    const markdown = await markdownOf(context);
    const componentId = await componentOption(context);
    const { graphql } = await context.connect();
    const { validateDesign } = await graphql<{ validateDesign: Check }>(
      'query($c: ID!, $m: String!) { validateDesign(componentId: $c, markdown: $m) { valid errors { code message section } proposedComponents testAssertions } }',
      { c: componentId, m: markdown },
    );
    report(context, validateDesign);
    return validateDesign.valid ? 0 : 1;
  },
};

export const designSubmitCommand: Command = {
  path: ['design', 'submit'],
  summary: 'Submit a design file (every version is kept; the newest valid one is accepted)',
  usage: 'codemyspec design submit <file> --component <component>',
  help: ['Exits 1 when the submitted version is invalid.'],
  options: {
    component: { type: 'string', description: 'the component (name or id)' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  async run(context) {
    const markdown = await markdownOf(context);
    const componentId = await componentOption(context);
    const { graphql } = await context.connect();
    const { submitDesign } = await graphql<{ submitDesign: Check & { version: number; accepted: boolean } }>(
      'mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { version valid accepted errors { code message section } proposedComponents testAssertions } }',
      { i: { componentId, markdown } },
    );
    if (!context.json)
      context.out(`version ${submitDesign.version}${submitDesign.accepted ? ' (accepted)' : ''}`);
    report(context, submitDesign);
    return submitDesign.valid ? 0 : 1;
  },
};
