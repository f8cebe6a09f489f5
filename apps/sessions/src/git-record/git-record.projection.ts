import type {
  PublicDesignSubmitted,
  PublicProjectEvent,
  PublicStoryEvent,
  SandboxRunRecorded,
} from '@app/domain';
import type { Projection, ProjectionDeps } from '@app/platform';
import {
  ARCHITECT_SERVICE,
  DESIGN_STREAM,
  PROJECT_STREAM,
  SANDBOX_RUN_STREAM,
  SESSIONS_SERVICE,
  STORIES_SERVICE,
  STORY_STREAM,
} from '@app/domain';
import { contractHandlers } from '@app/platform';
import type { GitRepositories } from '../workspace/git-repository';
import { artifactRecordHandlers } from './artifact-record.handlers';
import { RecordWriter } from './record-writer';
import { projectRecordHandlers, storyRecordHandlers } from './story-record.handlers';

/**
 * The git record: one repository per project whose history is the artifact history, a projection
 * of the events (commits carry the event's time and id, so the same events make the same history).
 * - the stories service's project and story events → `docs/user_stories.md`, as the export writes it;
 * - the architect's valid designs → `docs/design/<context>/<component>.md`;
 * - this service's sandbox runs: red evidence → the test files, green evidence → every file of the run.
 * Each commit names what happened, with trailers (`Story`, `Component`, `Design-Version`,
 * `Sandbox-Run`, `Session`, `Actor`, `Event`). A redelivered event finds its commit by `Event` and
 * makes none; a commit that changes nothing is not made. It writes outside the database, so it is
 * never replayed as a read model (kind `reaction`); `npm run replay -- sessions.git-record` rebuilds
 * it beside the live one, without recording the commits' facts again (`recordFacts: false`). Each
 * commit made is recorded as an `ArtifactCommitted` fact.
 */
export function gitRecordProjection(
  deps: ProjectionDeps,
  repos: GitRepositories,
  options: { recordFacts?: boolean } = {},
): Projection {
  const writer = new RecordWriter(
    repos,
    options.recordFacts === false ? undefined : deps.store,
    deps.config.schema,
  );
  return {
    name: 'sessions.git-record',
    kind: 'reaction',
    schema: deps.config.schema,
    tables: ['record_projects', 'record_stories', 'record_components'],
    sources: [
      { service: STORIES_SERVICE, streamTypes: [PROJECT_STREAM, STORY_STREAM] },
      { service: ARCHITECT_SERVICE, streamTypes: [DESIGN_STREAM] },
      { service: SESSIONS_SERVICE, streamTypes: [SANDBOX_RUN_STREAM] },
    ],
    handlers: contractHandlers<
      PublicProjectEvent | PublicStoryEvent | PublicDesignSubmitted | SandboxRunRecorded
    >({
      ...projectRecordHandlers(writer),
      ...storyRecordHandlers(writer),
      ...artifactRecordHandlers(writer),
    }),
  };
}
