import { fencedBlocks } from '../session/reply-parsing';
import type { AiFinding } from './prompt.events';

const SEVERITIES = ['error', 'warning', 'info'];

/**
 * The structured review the model was asked for: one JSON object (bare or in a ```json fence)
 * with a 0–100 score and findings that each have a rule id, a severity and a message. Anything
 * else is refused with the reason, and the caller falls back to the deterministic review.
 */
export function parseAiReview(reply: string): { score: number; findings: AiFinding[] } | { error: string } {
  const fenced = fencedBlocks(reply).find((b) => /^json\b/i.test(b.info))?.body;
  const text = (fenced ?? reply).trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  } catch {
    return { error: 'the reply is not a JSON object' };
  }
  const value = parsed as { score?: unknown; findings?: unknown };
  if (typeof value.score !== 'number' || value.score < 0 || value.score > 100)
    return { error: 'score must be a number from 0 to 100' };
  if (!Array.isArray(value.findings)) return { error: 'findings must be a list' };
  const findings: AiFinding[] = [];
  for (const raw of value.findings as unknown[]) {
    const f = raw as Partial<Record<keyof AiFinding, unknown>>;
    if (typeof f.rule !== 'string' || !/^[a-z0-9][a-z0-9-]{0,60}$/.test(f.rule))
      return { error: `a finding has no kebab-case rule id (${JSON.stringify(f.rule)})` };
    if (typeof f.severity !== 'string' || !SEVERITIES.includes(f.severity))
      return {
        error: `finding ${f.rule} has severity ${JSON.stringify(f.severity)}, not error, warning or info`,
      };
    if (typeof f.message !== 'string' || f.message.trim() === '')
      return { error: `finding ${f.rule} has no message` };
    findings.push({ rule: f.rule, severity: f.severity, message: f.message.trim().slice(0, 1_000) });
  }
  return { score: Math.round(value.score), findings };
}
