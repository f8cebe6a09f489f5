import type { Command } from '../command';
import { emit, paint, statusWord, table } from '../output';
import { projectOption } from '../project-ref';

interface ArchitectureView {
  components: { id: string; name: string; type: string; parentId: string | null }[];
  dependencies: { from: { name: string }; to: { name: string } }[];
  layers: { name: string }[][];
  orphanedContexts: { name: string }[];
  cycle: string[];
  health: {
    score: number;
    level: string;
    storyCoverage: number;
    findings: { severity: string; message: string }[];
  };
  mermaid: string;
}

export const architectureCommand: Command = {
  path: ['architecture'],
  summary: 'The architecture: layers, health, orphaned contexts (--mermaid: the diagram)',
  usage: 'codemyspec architecture --project <id|name> [--mermaid]',
  help: [],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    mermaid: { type: 'boolean', description: 'print the Mermaid flowchart only' },
  },
  async run(context) {
    const projectId = await projectOption(context);
    const { graphql } = await context.connect();
    const { architecture } = await graphql<{ architecture: ArchitectureView }>(
      `
        query ($p: ID!) {
          architecture(projectId: $p) {
            components {
              id
              name
              type
              parentId
            }
            dependencies {
              from {
                name
              }
              to {
                name
              }
            }
            layers {
              name
            }
            orphanedContexts {
              name
            }
            cycle
            mermaid
            health {
              score
              level
              storyCoverage
              findings {
                severity
                message
              }
            }
          }
        }
      `,
      { p: projectId },
    );
    if (context.values.mermaid) {
      context.out(architecture.mermaid);
      return 0;
    }
    const { health } = architecture;
    emit(context, architecture, () =>
      [
        `${architecture.components.length} components, ${architecture.dependencies.length} dependencies`,
        `health ${health.score}/100 (${health.level}), story coverage ${Math.round(health.storyCoverage * 100)}%`,
        ...(architecture.cycle.length
          ? [paint(context, 'red', `cycle: ${architecture.cycle.join(' → ')}`)]
          : []),
        'layers (entry points first):',
        ...architecture.layers.map((layer, i) => `  ${i}: ${layer.map((c) => c.name).join(', ')}`),
        `orphaned contexts: ${architecture.orphanedContexts.map((c) => c.name).join(', ') || 'none'}`,
        ...health.findings.map((f) => `  ${f.severity.padEnd(8)} ${f.message}`),
      ].join('\n'),
    );
    return 0;
  },
};

export const nextCommand: Command = {
  path: ['next'],
  summary: 'For each component, the next step of the method and why',
  usage: 'codemyspec next --project <id|name>',
  help: [],
  options: { project: { type: 'string', description: 'the project (id or name)' } },
  async run(context) {
    const projectId = await projectOption(context);
    const { graphql } = await context.connect();
    const { nextActions } = await graphql<{
      nextActions: { action: string; reason: string; component: { id: string; name: string } }[];
    }>('query($p: ID!) { nextActions(projectId: $p) { action reason component { id name } } }', {
      p: projectId,
    });
    emit(context, nextActions, () =>
      nextActions.length === 0
        ? 'nothing to do'
        : table(
            nextActions.map((n) => [
              n.component.name,
              statusWord(context, n.action),
              n.reason,
              n.component.id,
            ]),
            ['COMPONENT', 'NEXT', 'WHY', 'ID'],
          ),
    );
    return 0;
  },
};
