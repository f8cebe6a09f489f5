import type { Command } from '../command';
import { CliError } from '../cli-error';
import { emit, paint, statusWord, table } from '../output';
import { componentOption, intOption } from '../project-ref';

interface DesignView {
  version: number;
  valid: boolean;
  accepted: boolean;
  submittedAt: string;
  submittedBy: string | null;
  errors: { code: string; message: string }[];
  markdown: string;
}

const DESIGN = 'version valid accepted submittedAt submittedBy errors { code message } markdown';

export const designShowCommand: Command = {
  path: ['design', 'show'],
  summary: "A component's accepted design (or a given version) as markdown",
  usage: 'codemyspec design show --component <component> [--version <n>]',
  help: ['The component may also come first: design show <component>.'],
  options: {
    version: { type: 'string', description: 'that version instead of the accepted one' },
    component: { type: 'string', description: 'the component (name or id)' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  async run(context) {
    const componentId = await componentOption(context, 0);
    const { graphql } = await context.connect();
    const { design } = await graphql<{ design: DesignView | null }>(
      `query($c: ID!, $v: Int) { design(componentId: $c, version: $v) { ${DESIGN} } }`,
      { c: componentId, v: intOption(context, 'version') },
    );
    if (!design) throw new CliError('the component has no design yet (codemyspec design submit)');
    emit(context, design, () => design.markdown.replace(/\n$/, ''));
    return 0;
  },
};

export const designHistoryCommand: Command = {
  path: ['design', 'history'],
  summary: 'Every design version of a component: valid or not, accepted, who, when',
  usage: 'codemyspec design history --component <component>',
  help: ['The component may also come first: design history <component>.'],
  options: {
    component: { type: 'string', description: 'the component (name or id)' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  async run(context) {
    const componentId = await componentOption(context, 0);
    const { graphql } = await context.connect();
    const { designHistory } = await graphql<{ designHistory: DesignView[] }>(
      `query($c: ID!) { designHistory(componentId: $c) { ${DESIGN} } }`,
      { c: componentId },
    );
    emit(context, designHistory, () =>
      table(
        designHistory.map((d) => [
          String(d.version),
          statusWord(context, d.valid ? (d.accepted ? 'ACCEPTED' : 'VALID') : 'INVALID'),
          d.submittedAt,
          d.submittedBy ?? '',
          d.errors.map((e) => e.code).join(', '),
        ]),
        ['VERSION', 'STATE', 'WHEN', 'WHO', 'ERRORS'],
      ),
    );
    return 0;
  },
};

export const designDiffCommand: Command = {
  path: ['design', 'diff'],
  summary: 'A unified diff between two design versions',
  usage: 'codemyspec design diff --component <component> --from <version> --to <version>',
  help: ['The component may also come first: design diff <component> --from … --to ….'],
  options: {
    from: { type: 'string', description: 'the older version' },
    to: { type: 'string', description: 'the newer version' },
    component: { type: 'string', description: 'the component (name or id)' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  async run(context) {
    const componentId = await componentOption(context, 0);
    const from = intOption(context, 'from');
    const to = intOption(context, 'to');
    if (from === undefined || to === undefined)
      throw new CliError('--from and --to are required (see --help)', 2);
    const { graphql } = await context.connect();
    const { designDiff } = await graphql<{ designDiff: { diff: string } }>(
      'query($c: ID!, $f: Int!, $t: Int!) { designDiff(componentId: $c, fromVersion: $f, toVersion: $t) { diff } }',
      { c: componentId, f: from, t: to },
    );
    emit(context, designDiff, () =>
      designDiff.diff
        .split('\n')
        .map((line) =>
          line.startsWith('+')
            ? paint(context, 'green', line)
            : line.startsWith('-')
              ? paint(context, 'red', line)
              : line,
        )
        .join('\n')
        .replace(/\n$/, ''),
    );
    return 0;
  },
};
