import type { Command } from './command';
import { architectureCommand, nextCommand } from './commands/architecture.command';
import { completionCommand, COMMAND_PATHS } from './commands/completion.command';
import {
  componentsCreateCommand,
  componentsDeleteCommand,
  componentsLinkCommand,
  componentsListCommand,
  componentsRenameCommand,
  componentsUnlinkCommand,
  contextsCreateCommand,
  depsAddCommand,
  depsRemoveCommand,
} from './commands/components.command';
import { componentsAcceptDesignCommand, componentsShowCommand } from './commands/components-show.command';
import {
  criteriaAddCommand,
  criteriaEditCommand,
  criteriaRemoveCommand,
  criteriaVerifyCommand,
} from './commands/criteria.command';
import { storiesRefsCommand } from './commands/stories-refs.command';
import { storiesStatusCommand } from './commands/stories-status.command';
import { designSubmitCommand, designTemplateCommand, designValidateCommand } from './commands/design.command';
import { designDiffCommand, designHistoryCommand, designShowCommand } from './commands/design-read.command';
import { doctorCommand } from './commands/doctor.command';
import { cloneCommand, pullCommand } from './commands/git.command';
import { loginCommand } from './commands/login.command';
import { projectsCommand, projectsCreateCommand } from './commands/projects.command';
import { runsListCommand, runsShowCommand } from './commands/runs.command';
import {
  sessionCancelCommand,
  sessionShowCommand,
  sessionStartCommand,
  sessionWatchCommand,
} from './commands/session.command';
import {
  storiesExportCommand,
  storiesImportCommand,
  storiesTemplateCommand,
} from './commands/stories.command';
import {
  storiesDiffCommand,
  storiesEditCommand,
  storiesHistoryCommand,
  storiesReviewCommand,
} from './commands/stories-change.command';
import {
  storiesCreateCommand,
  storiesListCommand,
  storiesShowCommand,
} from './commands/stories-manage.command';
import { testsRunCommand } from './commands/tests-run.command';
import { timelineCommand } from './commands/timeline.command';
import { tokensCreateCommand, tokensListCommand, tokensRevokeCommand } from './commands/tokens.command';
import { traceCommand } from './commands/trace.command';

/** Every command, in the order of the method (the overview lists them so). */
export const COMMANDS: readonly Command[] = [
  loginCommand,
  doctorCommand,
  projectsCommand,
  projectsCreateCommand,
  storiesListCommand,
  storiesShowCommand,
  storiesCreateCommand,
  storiesEditCommand,
  criteriaAddCommand,
  criteriaEditCommand,
  criteriaRemoveCommand,
  criteriaVerifyCommand,
  storiesHistoryCommand,
  storiesDiffCommand,
  storiesReviewCommand,
  storiesStatusCommand,
  storiesRefsCommand,
  storiesTemplateCommand,
  storiesImportCommand,
  storiesExportCommand,
  contextsCreateCommand,
  componentsCreateCommand,
  componentsListCommand,
  componentsShowCommand,
  componentsAcceptDesignCommand,
  componentsRenameCommand,
  componentsDeleteCommand,
  componentsLinkCommand,
  componentsUnlinkCommand,
  depsAddCommand,
  depsRemoveCommand,
  architectureCommand,
  nextCommand,
  designTemplateCommand,
  designValidateCommand,
  designSubmitCommand,
  designShowCommand,
  designHistoryCommand,
  designDiffCommand,
  testsRunCommand,
  runsListCommand,
  runsShowCommand,
  traceCommand,
  sessionStartCommand,
  sessionWatchCommand,
  sessionShowCommand,
  sessionCancelCommand,
  timelineCommand,
  tokensListCommand,
  tokensCreateCommand,
  tokensRevokeCommand,
  cloneCommand,
  pullCommand,
  completionCommand,
];

COMMAND_PATHS.push(...COMMANDS.map((c) => [...c.path]));
