import type { Command } from './command';
import { designSubmitCommand, designTemplateCommand, designValidateCommand } from './commands/design.command';
import { loginCommand } from './commands/login.command';
import { projectsCommand, projectsCreateCommand } from './commands/projects.command';
import { sessionStartCommand, sessionWatchCommand, timelineCommand } from './commands/session.command';
import { storiesExportCommand, storiesImportCommand } from './commands/stories.command';
import { testsRunCommand } from './commands/tests-run.command';
import { traceCommand } from './commands/trace.command';
import { cloneCommand, pullCommand } from './commands/git.command';

export const COMMANDS: readonly Command[] = [
  loginCommand,
  projectsCommand,
  projectsCreateCommand,
  storiesImportCommand,
  storiesExportCommand,
  designTemplateCommand,
  designValidateCommand,
  designSubmitCommand,
  testsRunCommand,
  sessionStartCommand,
  sessionWatchCommand,
  timelineCommand,
  traceCommand,
  cloneCommand,
  pullCommand,
];

/** The longest command path the words start with (`tests run x` → `tests run`). */
export function findCommand(words: readonly string[]): Command | undefined {
  return [...COMMANDS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((part, i) => words[i] === part));
}
