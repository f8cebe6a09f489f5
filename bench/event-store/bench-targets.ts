import type { ContenderName } from './contender';

export interface TargetCheck {
  readonly description: string;
  readonly met: boolean;
}

export interface TargetInputs {
  readonly rate: (contender: ContenderName, label: string) => number;
  readonly labels: readonly string[];
  readonly singleLabels: readonly string[];
  readonly readLabel: string;
}

/** The targets: ours ≥ emmett everywhere, single appends ≥ 0.5× raw, readAll ≥ 100k events/s. */
export function checkTargets({ rate, labels, singleLabels, readLabel }: TargetInputs): TargetCheck[] {
  return [
    ...labels.map((label) => ({
      description: `ours ≥ emmett: ${label}`,
      met: rate('ours', label) >= rate('emmett', label),
    })),
    ...singleLabels.map((label) => ({
      description: `ours ≥ 0.5× raw: ${label}`,
      met: rate('ours', label) >= 0.5 * rate('raw', label),
    })),
    { description: `ours ≥ 100,000 events/s: ${readLabel}`, met: rate('ours', readLabel) >= 100_000 },
  ];
}
