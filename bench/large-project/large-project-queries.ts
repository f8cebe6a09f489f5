/**
 * What the bench asks through the gateway (the web console's own queries where it has them), each
 * beside its floor: one hand-written SQL statement reading the same data from the tables and event
 * streams the answer is made from.
 */
export interface BenchQuery {
  readonly name: string;
  readonly graphql: string;
  readonly floor: string;
  /** What `$1` of the floor is: the project (the default) or the component. */
  readonly floorOf?: 'project' | 'component';
}

export const LARGE_PROJECT_QUERIES: readonly BenchQuery[] = [
  {
    name: 'stories(first: 50)',
    graphql: `query($p: ID!) { stories(projectId: $p, first: 50) { totalCount
      edges { node { id title description status priority tags componentId version
        acceptanceCriteria { id ref description verified } } } pageInfo { hasNextPage endCursor } } }`,
    floor: `SELECT id, title, description, status, priority, tags, acceptance_criteria, component_id, version,
              count(*) OVER () AS total
              FROM stories.stories WHERE project_id = $1 AND NOT deleted ORDER BY created_at, id LIMIT 51`,
  },
  {
    name: 'architecture',
    graphql: `query($p: ID!) { architecture(projectId: $p) {
      components { id name type parentId designStatus testStatus codeStatus dirtyCauses { kind } }
      dependencies { from { id } to { id } } layers { id } orphanedContexts { id name }
      health { score level storyCoverage } } }`,
    // The architecture lives in one stream: its events are the data.
    floor: `SELECT stream_position, event_type, data FROM architect.events
             WHERE stream_id = 'architecture-' || $1 ORDER BY stream_position`,
  },
  {
    name: 'nextActions',
    graphql: `query($p: ID!) { nextActions(projectId: $p) { action reason component { id name } } }`,
    floor: `SELECT stream_position, event_type, data FROM architect.events
             WHERE stream_id = 'architecture-' || $1 ORDER BY stream_position`,
  },
  {
    name: 'traceability(first: 100)',
    graphql: `query($p: ID!) { traceability(projectId: $p, first: 100) { complete counts { status count } totalCount
      pageInfo { hasNextPage endCursor }
      criteria { criterion { id ref description } story { id title } component { id name } status assertions
        tests { name } } } }`,
    floor: `SELECT c.criterion_id, c.ref, c.description, s.story_id, s.title, count(*) OVER () AS total
              FROM architect.criterion_copies c JOIN architect.story_copies s USING (story_id)
             WHERE s.project_id = $1 AND NOT s.deleted ORDER BY s.title, s.story_id, c.position LIMIT 101`,
  },
  {
    name: 'traceability(componentId)',
    graphql: `query($p: ID!, $c: ID!) { traceability(projectId: $p, componentId: $c) { complete counts { status count }
      criteria { criterion { id ref description } story { id title } status assertions tests { name lastGreenRunId } } } }`,
    floor: `SELECT id, title, acceptance_criteria FROM stories.stories
             WHERE component_id = $1::text AND NOT deleted ORDER BY title, id`,
    floorOf: 'component',
  },
  {
    name: 'projectTimeline(first: 100)',
    graphql: `query($p: ID!) { projectTimeline(projectId: $p, first: 100) { totalCount
      edges { cursor node { eventId occurredAt service streamId type actor } } pageInfo { hasNextPage endCursor } } }`,
    floor: `SELECT event_id, occurred_at, service, stream_id, type, actor,
              (SELECT count(*) FROM gateway.timeline WHERE project_id = $1) AS total
              FROM gateway.timeline WHERE project_id = $1 ORDER BY occurred_at, event_id LIMIT 101`,
  },
  {
    name: 'component page',
    graphql: `query($c: ID!) {
      component(id: $c) { id projectId name type description designStatus testStatus codeStatus
        dirtyCauses { kind summary at } stories { id title acceptanceCriteria { ref description } } }
      designHistory(componentId: $c) { version valid accepted submittedAt errors { code message } }
      sandboxRuns(componentId: $c, first: 20) { id outcome evidence evidenceReason testsPassed testsFailed durationMs
        tests { name status failureKind } } }`,
    floor: `SELECT (SELECT json_agg(s) FROM (SELECT id, title, acceptance_criteria FROM stories.stories
                     WHERE component_id = $1::text AND NOT deleted) s) AS stories,
                   (SELECT json_agg(e.data ORDER BY e.stream_position) FROM architect.events e
                     WHERE e.stream_id = 'design-' || $1) AS designs,
                   (SELECT json_agg(r) FROM (SELECT * FROM sessions.sandbox_runs WHERE component_id = $1::uuid
                     ORDER BY recorded_at DESC LIMIT 20) r) AS runs`,
    floorOf: 'component',
  },
  // Last: its 1.8 MB answers leave garbage in the gateway and the architect, whose collection would
  // otherwise land on the samples of the queries after it.
  {
    name: 'traceability, all 6,000 criteria',
    graphql: `query($p: ID!) { traceability(projectId: $p) { complete counts { status count }
      criteria { criterion { id ref description } story { id title } component { id name } status assertions
        tests { name } } } }`,
    floor: `SELECT c.criterion_id, c.ref, c.description, s.story_id, s.title
              FROM architect.criterion_copies c JOIN architect.story_copies s USING (story_id)
             WHERE s.project_id = $1 AND NOT s.deleted ORDER BY s.story_id, c.position`,
  },
];
