import type { Command, CommandContext } from '../command';
import { CliError } from '../cli-error';
import { inputMutation } from '../graphql-client';
import { emit, paint, statusWord } from '../output';
import { componentOption, listOption } from '../project-ref';

interface ComponentDetails {
  id: string;
  name: string;
  moduleName: string | null;
  type: string;
  description: string;
  projectId: string;
  parentId: string | null;
  acceptedDesignVersion: number | null;
  designStatus: string;
  testStatus: string;
  codeStatus: string;
  dependencies: { name: string }[];
  dependents: { name: string }[];
  stories: { id: string; title: string; status: string }[];
  dirtyCauses: { at: string; kind: string; source: string; version: number; summary: string }[];
}

interface Details {
  component: ComponentDetails;
  context: string | null;
  nextAction: { action: string; reason: string } | null;
  runs: { id: string; outcome: string; evidence: string; testsPassed: number; testsFailed: number }[];
}

const COMPONENT = `id name moduleName type description projectId parentId acceptedDesignVersion
  designStatus testStatus codeStatus dependencies { name } dependents { name }
  stories { id title status } dirtyCauses { at kind source version summary }`;

async function details(context: CommandContext, componentId: string): Promise<Details> {
  const { graphql } = await context.connect();
  const { component } = await graphql<{ component: ComponentDetails }>(
    `query($id: ID!) { component(id: $id) { ${COMPONENT} } }`,
    { id: componentId },
  );
  const [{ nextActions }, { sandboxRuns }, parent] = await Promise.all([
    graphql<{ nextActions: { action: string; reason: string; component: { id: string } }[] }>(
      'query($p: ID!) { nextActions(projectId: $p) { action reason component { id } } }',
      { p: component.projectId },
    ),
    graphql<{ sandboxRuns: Details['runs'] }>(
      'query($c: ID!) { sandboxRuns(componentId: $c, first: 5) { id outcome evidence testsPassed testsFailed } }',
      { c: component.id },
    ),
    component.parentId
      ? graphql<{ component: { name: string } }>('query($id: ID!) { component(id: $id) { name } }', {
          id: component.parentId,
        })
      : Promise.resolve(null),
  ]);
  const next = nextActions.find((n) => n.component.id === component.id);
  return {
    component,
    context: parent?.component.name ?? null,
    nextAction: next ? { action: next.action, reason: next.reason } : null,
    runs: sandboxRuns,
  };
}

function render(
  context: CommandContext,
  { component: c, context: parent, nextAction, runs }: Details,
): string {
  const where = [
    c.moduleName && c.moduleName !== c.name ? `module ${c.moduleName}` : null,
    parent && `in ${parent}`,
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `${paint(context, 'bold', c.name)}  ${c.type}${where ? ` (${where})` : ''}  ${c.id}`,
    `design ${statusWord(context, c.designStatus)}${c.acceptedDesignVersion ? ` v${c.acceptedDesignVersion}` : ''} · tests ${statusWord(context, c.testStatus)} · code ${statusWord(context, c.codeStatus)}`,
  ];
  if (c.description) lines.push(c.description);
  lines.push('', `stories (${c.stories.length}):`);
  for (const s of c.stories) lines.push(`  ${statusWord(context, s.status)}  ${s.title}  [${s.id}]`);
  lines.push(
    `depends on: ${c.dependencies.map((d) => d.name).join(', ') || '—'}; used by: ${c.dependents.map((d) => d.name).join(', ') || '—'}`,
  );
  if (c.dirtyCauses.length > 0) {
    lines.push('', `why it is DIRTY (${c.dirtyCauses.length}, oldest first):`);
    for (const cause of c.dirtyCauses)
      lines.push(`  ${cause.at}  ${cause.kind}  ${cause.summary}  (${cause.source}@${cause.version})`);
    lines.push('  (a new accepted design clears them; codemyspec components accept-design waives them)');
  }
  lines.push('', nextAction ? `next: ${nextAction.action} — ${nextAction.reason}` : 'next: nothing to do');
  if (runs.length > 0) {
    lines.push('', 'newest runs:');
    for (const r of runs)
      lines.push(
        `  ${r.id}  ${statusWord(context, r.outcome.toUpperCase())}  ${r.evidence}  ${r.testsPassed} passed, ${r.testsFailed} failed`,
      );
  }
  return lines.join('\n');
}

export const componentsShowCommand: Command = {
  path: ['components', 'show'],
  summary:
    'A component or context: statuses, stories, dependencies, why it is DIRTY, its next action, its runs',
  usage: 'codemyspec components show <component> [--project <project>]',
  help: ['<component>  a name or id (a context too; its design: codemyspec design show <context>)'],
  options: {
    component: { type: 'string', description: 'the component (name or id), instead of the argument' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  async run(context) {
    const found = await details(context, await componentOption(context, 0));
    emit(context, found, () => render(context, found));
    return 0;
  },
};

export const componentsAcceptDesignCommand: Command = {
  path: ['components', 'accept-design'],
  summary: 'Waive the changes that made a component DIRTY: its accepted design stays current',
  usage:
    'codemyspec components accept-design <component> --reason <why> [--cause <source@version>]… [--keep-evidence AC-n]…',
  help: [
    'For a change that needs no new design (a typo fixed in a story, say). The reason is recorded',
    'with you as the actor. Without --cause every cause is waived (components show lists them, with',
    'source@version). A criterion whose text changed is VERIFIED again only after a green run,',
    'unless --keep-evidence names it: the tests that already passed still verify its new text.',
  ],
  options: {
    reason: { type: 'string', description: 'why the changes need no rework (required)' },
    cause: { type: 'string', multiple: true, description: 'a cause to waive, as source@version' },
    'keep-evidence': {
      type: 'string',
      multiple: true,
      description: 'a criterion (AC-n) whose evidence stands',
    },
    component: { type: 'string', description: 'the component (name or id), instead of the argument' },
    project: { type: 'string', description: 'where to look for a component given by name' },
  },
  async run(context) {
    const reason = context.values.reason;
    if (typeof reason !== 'string' || reason.trim() === '')
      throw new CliError('--reason is required: say why the changes need no rework', 2);
    const causes = listOption(context, 'cause').map((text) => {
      const match = /^(.+)@(\d+)$/.exec(text);
      if (!match)
        throw new CliError(`--cause ${text}: expected source@version (components show lists them)`, 2);
      return { source: match[1], version: Number(match[2]) };
    });
    const keep = listOption(context, 'keep-evidence');
    const componentId = await componentOption(context, 0);
    const { graphql } = await context.connect();
    const accepted = await inputMutation<{ name: string; designStatus: string }>(
      graphql,
      'acceptDesignAsCurrent',
      {
        componentId,
        reason,
        ...(causes.length ? { causes } : {}),
        ...(keep.length ? { keepEvidenceFor: keep } : {}),
      },
      'name designStatus',
    );
    emit(context, accepted, () => `${accepted.name}: design ${statusWord(context, accepted.designStatus)}`);
    return 0;
  },
};
