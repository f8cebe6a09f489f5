/** The size of the generated project (the "big project"). */
export interface LargeProjectShape {
  readonly stories: number;
  readonly criteriaPerStory: number;
  readonly contexts: number;
  readonly components: number;
  readonly dependencies: number;
  readonly designsPerComponent: number;
  /** Events of the project in all, reached by editing stories' tags once the structure stands. */
  readonly events: number;
}

export const LARGE_PROJECT: LargeProjectShape = {
  stories: 2_000,
  criteriaPerStory: 3,
  contexts: 60,
  components: 500,
  dependencies: 1_500,
  designsPerComponent: 3,
  events: 50_000,
};

/** A small PRNG with a fixed seed: the same project every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['billing', 'catalog', 'shipping', 'accounts', 'search', 'reports', 'payments', 'inventory'];

/** `user_stories.md` for stories `from … to − 1`, each with its criteria. */
export function storiesMarkdown(from: number, to: number, criteriaPerStory: number): string {
  const stories: string[] = [];
  for (let n = from; n < to; n++) {
    const area = AREAS[n % AREAS.length];
    const criteria = Array.from(
      { length: criteriaPerStory },
      (_, k) => `- the ${area} record ${n} shows rule ${k + 1} applied to its total`,
    );
    stories.push(
      `## Story ${n}: ${area} view ${n}\n\nAs a clerk I want the ${area} view ${n} so that I can check record ${n} quickly.\n\n### Acceptance Criteria\n\n${criteria.join('\n')}`,
    );
  }
  return `${stories.join('\n\n')}\n`;
}

/** A valid component design (version `version`) citing the criteria of the component's stories. */
export function componentDesign(name: string, version: number, cites: readonly string[]): string {
  const assertions = cites.length
    ? cites.map((ref, k) => `- rule ${k + 1} holds, revision ${version} [${ref}]`)
    : [`- works, revision ${version}`];
  return [
    `# ${name}`,
    `## Purpose\n\nKeeps the records of ${name} (revision ${version}).`,
    `## Public API\n\n\`load${name}(id: string): Promise<Record>\``,
    `## Execution Flow\n\n1. Read the record.\n2. Apply the rules of revision ${version}.`,
    `## Test Assertions\n\n${assertions.join('\n')}`,
  ].join('\n\n');
}
