import type { ContextPiece } from './context-item';
import type { ReworkInput } from './context-inputs';

/**
 * What changed in the design since the tests were written: the unified diff between the two
 * versions (not the whole history) and the accepted design's new or changed assertions.
 */
export function reworkPiece(rework: ReworkInput): ContextPiece {
  const changed = rework.changedAssertions.length
    ? rework.changedAssertions.map((assertion) => `- ${assertion}`).join('\n')
    : '- (none: only the text around the assertions changed)';
  const fence = rework.diff.includes('```') ? '~~~~' : '```';
  return {
    kind: 'design',
    source: `design-${rework.componentId}:diff-from-${rework.fromVersion}`,
    version: rework.toVersion,
    title: `Design changes from version ${rework.fromVersion} to ${rework.toVersion}`,
    content: [
      `${fence}diff`,
      rework.diff.replace(/\n$/, ''),
      fence,
      '',
      'New or changed Test Assertions (their tests must fail against the existing code):',
      changed,
    ].join('\n'),
  };
}
