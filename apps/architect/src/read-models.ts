import type { Projection, ProjectionDeps } from '@app/platform';
import { ArchivedProject, archivedProjectsProjection } from '@app/platform';
import { ComponentLocation } from './component-locations/component-location.entity';
import { CriterionCopy } from './story-copies/criterion-copy.entity';
import { ProjectCopy } from './story-copies/project-copy.entity';
import { StoryCopy } from './story-copies/story-copy.entity';
import { componentStatusReaction } from './reactions/dirty-propagation.reaction';
import { storyCopiesProjection } from './story-copies/story-copies.projection';
import { TestResult } from './traceability/test-result.entity';
import { RunningSession } from './running-sessions/running-session.entity';
import { runningSessionsProjection } from './running-sessions/running-sessions.projection';
import { RunCommit } from './traceability/run-commit.entity';
import { runCommitsProjection } from './traceability/run-commits.projection';
import { testResultsProjection } from './traceability/test-results.projection';

/** The architect consumes the stories (a local copy) and reacts to story revisions and sandbox runs. */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [
    storyCopiesProjection(deps),
    componentStatusReaction(deps),
    testResultsProjection(deps),
    runningSessionsProjection(deps),
    runCommitsProjection(deps),
    archivedProjectsProjection(deps),
  ];
}

/** The TypeORM entities of every read model: those above and the inline ones written with their events (tables in the app's migrations). */
export const readModelEntities = [
  StoryCopy,
  ProjectCopy,
  CriterionCopy,
  TestResult,
  RunningSession,
  RunCommit,
  ArchivedProject,
  ComponentLocation,
];
