import { progressFraction, progressLine, renderBar } from './progress-bar';

const e = (type: string, step: string | null = null, detail: string | null = null, status = 'RUNNING') => ({
  type,
  step,
  attempt: step ? 1 : null,
  status,
  detail,
});

describe('progress bar', () => {
  it('counts finished steps against the shortest path, growing with every failed step', () => {
    expect(progressFraction('DESIGN', [e('SessionStarted')])).toBe(0);
    expect(
      progressFraction('DESIGN', [
        e('SessionStarted'),
        e('StepCompleted', 'generate_design', 'SUCCEEDED: draft'),
      ]),
    ).toBeCloseTo(1 / 3);
    const failed = [
      e('SessionStarted'),
      e('StepCompleted', 'generate_design', 'SUCCEEDED: x'),
      e('StepCompleted', 'validate_design', 'FAILED: 1 error'),
    ];
    expect(progressFraction('DESIGN', failed)).toBeCloseTo(2 / 5);
    expect(progressFraction('DESIGN', [...failed, e('SessionSucceeded', null, 'ok', 'SUCCEEDED')])).toBe(1);
  });

  it('never reaches 100 % before the end', () => {
    const many = Array.from({ length: 9 }, (_, i) => e('StepCompleted', `s${i}`, 'SUCCEEDED: x'));
    expect(progressFraction('CODE', many)).toBeLessThan(1);
  });

  it('renders a bar and a line', () => {
    expect(renderBar(0.5, 10)).toBe('[#####.....]  50%');
    expect(progressLine('TESTS', [e('StepStarted', 'run_tests')])).toBe(
      '[........................]   0% StepStarted run_tests#1',
    );
  });
});
