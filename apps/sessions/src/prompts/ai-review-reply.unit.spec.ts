import { parseAiReview } from './ai-review-reply';

describe('parseAiReview', () => {
  it('reads a fenced or bare JSON review', () => {
    const body = {
      score: 80,
      findings: [{ rule: 'story-format', severity: 'error', message: ' Use As a … ' }],
    };
    const expected = {
      score: 80,
      findings: [{ rule: 'story-format', severity: 'error', message: 'Use As a …' }],
    };
    expect(parseAiReview(`Here:\n\`\`\`json\n${JSON.stringify(body)}\n\`\`\``)).toEqual(expected);
    expect(parseAiReview(`Sure. ${JSON.stringify(body)} Done.`)).toEqual(expected);
  });

  it.each([
    ['not json', 'the reply is not a JSON object'],
    ['{"score": 140, "findings": []}', 'score must be a number from 0 to 100'],
    ['{"score": 50}', 'findings must be a list'],
    [
      '{"score": 50, "findings": [{"rule": "Bad Rule", "severity": "error", "message": "m"}]}',
      'a finding has no kebab-case rule id ("Bad Rule")',
    ],
    [
      '{"score": 50, "findings": [{"rule": "r", "severity": "fatal", "message": "m"}]}',
      'finding r has severity "fatal", not error, warning or info',
    ],
    [
      '{"score": 50, "findings": [{"rule": "r", "severity": "info", "message": " "}]}',
      'finding r has no message',
    ],
  ])('refuses %s', (reply, error) => {
    expect(parseAiReview(reply)).toEqual({ error });
  });
});
