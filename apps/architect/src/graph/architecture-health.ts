import type { GraphComponent, GraphDependency } from './dependency-graph';
import { adjacency, compareStrings, isContext, reachedFromStories, sortComponents } from './dependency-graph';
import { orphanedContexts } from './orphaned-contexts';

export type HealthSeverity = 'INFO' | 'WARNING' | 'ERROR';

/** Stable rule ids, in the order their findings are listed. */
export const HEALTH_RULES = ['fan-out', 'orphaned-context', 'no-stories', 'empty-context'] as const;
export type HealthRule = (typeof HEALTH_RULES)[number];

export type HealthLevel = 'excellent' | 'good' | 'fair' | 'poor';

export interface HealthFinding {
  readonly rule: HealthRule;
  readonly severity: HealthSeverity;
  /** The component the finding is about. */
  readonly componentId: string;
  readonly message: string;
}

export interface ArchitectureHealth {
  /** 0..100, see `architectureHealth`. */
  readonly score: number;
  readonly level: HealthLevel;
  /** 0..1, see `architectureHealth`. */
  readonly storyCoverage: number;
  readonly findings: readonly HealthFinding[];
}

export const HEALTH_THRESHOLDS = {
  /** More dependencies than this is a `fan-out` finding. */
  maxDependencies: 5,
  /** The most points a coverage of 0 costs (a coverage of c costs (1 − c) × this). */
  coverageWeight: 40,
} as const;

export const HEALTH_RULE_SEVERITY: Readonly<Record<HealthRule, HealthSeverity>> = {
  'fan-out': 'WARNING',
  'orphaned-context': 'WARNING',
  'no-stories': 'WARNING',
  'empty-context': 'INFO',
};

/** Points taken off per finding, by severity. */
export const HEALTH_PENALTY: Readonly<Record<HealthSeverity, number>> = { ERROR: 15, WARNING: 5, INFO: 2 };

/** The lowest score of each level; below the last, the level is `poor`. */
export const HEALTH_LEVELS: readonly { readonly level: HealthLevel; readonly minScore: number }[] = [
  { level: 'excellent', minScore: 90 },
  { level: 'good', minScore: 75 },
  { level: 'fair', minScore: 50 },
];

export function healthLevel(score: number): HealthLevel {
  return HEALTH_LEVELS.find((l) => score >= l.minScore)?.level ?? 'poor';
}

/**
 * A deterministic health report of a project's architecture.
 *
 * Reached means: a story-linked component (storyCount > 0), or reached from one through
 * dependencies. Dependencies whose ends are not among `components` are ignored.
 *
 * Findings, listed in `HEALTH_RULES` order, then by component name and id:
 * - `fan-out` (WARNING): a component with more than 5 distinct dependencies;
 * - `orphaned-context` (WARNING): a context that `orphanedContexts` reports;
 * - `no-stories` (WARNING): a component that is not a context, has no stories and is not reached
 *   (contexts are covered by `orphaned-context`);
 * - `empty-context` (INFO): a context without child components.
 *
 * `storyCoverage` = (the project's stories that are on a component) / (all its stories), rounded
 * to 4 decimals; 1 when there are no stories (nothing is uncovered).
 *
 * `score` = 100 − 40 × (1 − storyCoverage) − the penalties of the findings (ERROR 15, WARNING 5,
 * INFO 2), rounded and clamped to 0..100. `level`: excellent ≥ 90, good ≥ 75, fair ≥ 50, else poor.
 */
export function architectureHealth(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
  stories: StoryCounts,
): ArchitectureHealth {
  return healthOf(architectureFindings(components, deps), stories);
}

/** How many of a project's stories there are, and how many of them are on a component. */
export interface StoryCounts {
  readonly total: number;
  readonly onComponents: number;
}

/** The score, level and coverage of an architecture with these findings and stories. */
export function healthOf(findings: readonly HealthFinding[], stories: StoryCounts): ArchitectureHealth {
  const coverage =
    stories.total === 0
      ? 1
      : Math.round((Math.min(stories.onComponents, stories.total) / stories.total) * 10_000) / 10_000;
  const penalty = findings.reduce((sum, f) => sum + HEALTH_PENALTY[f.severity], 0);
  const raw = 100 - HEALTH_THRESHOLDS.coverageWeight * (1 - coverage) - penalty;
  const score = Math.min(100, Math.max(0, Math.round(raw)));
  return { score, level: healthLevel(score), storyCoverage: coverage, findings };
}

/** The findings of the health report (see `architectureHealth`); they depend on the graph only. */
export function architectureFindings(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
): HealthFinding[] {
  const sorted = sortComponents(components);
  const known = new Set(components.map((c) => c.id));
  const edges = adjacency(deps, known);
  const reached = reachedFromStories(components, deps);
  const byId = new Map(components.map((c) => [c.id, c]));
  const parents = new Set(components.filter((c) => c.parentId !== c.id).map((c) => c.parentId));
  const orphans = new Set(orphanedContexts(components, deps));

  const finding = (rule: HealthRule, component: GraphComponent, message: string): HealthFinding => ({
    rule,
    severity: HEALTH_RULE_SEVERITY[rule],
    componentId: component.id,
    message,
  });

  const findings: HealthFinding[] = [];
  for (const component of sorted) {
    const targets = edges.get(component.id) ?? [];
    if (targets.length > HEALTH_THRESHOLDS.maxDependencies) {
      const names = targets.map((id) => byId.get(id)?.name ?? id).sort(compareStrings);
      findings.push(
        finding(
          'fan-out',
          component,
          `${component.name} depends on ${targets.length} components (more than ${HEALTH_THRESHOLDS.maxDependencies}): ${names.join(', ')}. Consider splitting it or introducing a coordination context.`,
        ),
      );
    }
  }
  for (const component of sorted)
    if (orphans.has(component.id))
      findings.push(
        finding(
          'orphaned-context',
          component,
          `The context ${component.name} serves no story: no story is linked to it or its components, and no story-linked component depends on it.`,
        ),
      );
  for (const component of sorted)
    if (!isContext(component) && !reached.has(component.id))
      findings.push(
        finding(
          'no-stories',
          component,
          `${component.name} has no stories and no story-linked component depends on it.`,
        ),
      );
  for (const component of sorted)
    if (isContext(component) && !parents.has(component.id))
      findings.push(finding('empty-context', component, `The context ${component.name} has no components.`));

  return findings;
}
