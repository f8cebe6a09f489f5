import type { ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { waitFor } from '@app/testing/wait-for';
import type { ScaledSystem } from './scaled-system';
import { startScaledSystem } from './scaled-system';
import { design, nameIn, refsIn } from './scripted-model';

const CREATE_STORY = `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`;
const SESSIONS = 4;
const WRITERS = 4;

/**
 * Every service as two instances on one database (and one Kafka namespace in CI): load goes through
 * both gateways, one instance of each subgraph is killed with SIGKILL mid-load, and afterwards
 * every write that was acknowledged is in every read model exactly once, nothing committed is lost,
 * and the automated sessions that were in flight on the killed instance finish on the other.
 */
describe('scale-out: two instances of every service, one of each subgraph killed mid-load', () => {
  let llm: ScriptedLlmServer;
  let system: ScaledSystem;

  beforeAll(async () => {
    // Slow designs: the sessions are still waiting for the model when the kill comes.
    llm = await startScriptedLlmServer((request) => ({
      content: design(nameIn(request), true, refsIn(request)),
      delayMs: 4_000,
    }));
    system = await startScaledSystem(2, {
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_API_KEY: 'sk-scale-out-test',
      OPENAI_MODEL: 'scripted',
      // Each instance drives half of the sessions: the killed one surely has some in flight.
      SESSION_CONCURRENCY: String(SESSIONS / 2),
    });
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
    await llm?.close();
  });

  const ok = async <Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
    const result = await system.graphql<Data>(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };

  it('keeps every acknowledged write exactly once in every read model, and finishes the sessions in flight', async () => {
    const { createProject } = await ok<{ createProject: { id: string } }>(
      `mutation { createProject(input: { name: "Scaled", description: "two of each" }) { id } }`,
    );
    const projectId = createProject.id;
    const { createContext } = await ok<{ createContext: { id: string } }>(
      `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
      { i: { projectId, name: 'Billing', type: 'DOMAIN' } },
    );
    const sessionIds: string[] = [];
    for (let n = 0; n < SESSIONS; n++) {
      const { createComponent } = await ok<{ createComponent: { id: string } }>(
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
        { i: { projectId, parentId: createContext.id, name: `Ledger${n}`, type: 'other', description: 'x' } },
      );
      const { startSession } = await ok<{ startSession: { id: string } }>(
        `mutation($i: StartSessionInput!) { startSession(input: $i) { id } }`,
        { i: { componentId: createComponent.id, type: 'DESIGN' } },
      );
      sessionIds.push(startSession.id);
    }

    const acknowledged: string[] = [];
    const refused: string[] = [];
    let acknowledgedAfterKill = 0;
    let killed = false;
    let writing = true;
    const writer = async (w: number) => {
      for (let n = 0; writing; n++) {
        const i = {
          projectId,
          title: `Story ${w}-${n}`,
          description: 'As a clerk I want it so that it works',
        };
        try {
          const result = await system.graphql<{ createStory: { id: string } }>(CREATE_STORY, { i });
          if (result.data?.createStory) {
            acknowledged.push(result.data.createStory.id);
            if (killed) acknowledgedAfterKill += 1;
          } else refused.push(result.errors?.[0]?.message ?? 'no data');
        } catch (error) {
          refused.push((error as Error).message);
        }
      }
    };
    const load = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await Promise.all(
      (['stories', 'architect', 'sessions'] as const).map((service) => system.instances[service][0].kill()),
    );
    killed = true;
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    writing = false;
    await load;
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(acknowledgedAfterKill).toBeGreaterThan(5);

    const dataSource = await system.db.dataSource();
    const created = async () =>
      (
        await dataSource.query<{ id: string; n: string }[]>(
          `SELECT substring(stream_id from 7) AS id, count(*) AS n FROM stories.events
            WHERE event_type = 'StoryCreated' GROUP BY stream_id`,
        )
      ).map((row) => ({ id: row.id, n: Number(row.n) }));
    const stored = await created();
    // No write ran twice, and every acknowledged one was committed.
    expect(stored.filter((row) => row.n !== 1)).toEqual([]);
    const storedIds = new Set(stored.map((row) => row.id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);

    // Every committed story reaches every read model, once.
    const readModels = {
      stories: `SELECT id::text AS id, 1 AS n FROM stories.stories`,
      architect: `SELECT story_id::text AS id, 1 AS n FROM architect.story_copies`,
      sessions: `SELECT story_id::text AS id, 1 AS n FROM sessions.record_stories`,
      gateway: `SELECT substring(stream_id from 7) AS id, count(*) AS n FROM gateway.timeline
                 WHERE type = 'StoryCreated' GROUP BY stream_id`,
    };
    for (const [service, query] of Object.entries(readModels)) {
      let rows: { id: string; n: string }[] = [];
      await waitFor(
        async () => {
          rows = await dataSource.query<{ id: string; n: string }[]>(query);
          const ids = new Set(rows.map((row) => row.id));
          return [...storedIds].every((id) => ids.has(id));
        },
        120_000,
        `every story in the ${service} read model`,
      );
      expect(rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
      expect(rows.length).toBe(storedIds.size);
    }

    // The sessions the killed instance was driving were taken over and finished.
    const status = async (id: string) =>
      (
        await ok<{ session: { status: string; reason: string | null } }>(
          `query($id: ID!) { session(id: $id) { status reason } }`,
          { id },
        )
      ).session;
    await waitFor(
      async () => (await Promise.all(sessionIds.map(status))).every((s) => s.status !== 'RUNNING'),
      180_000,
      'the sessions to finish',
    );
    expect(await Promise.all(sessionIds.map(status))).toEqual(
      sessionIds.map(() => ({ status: 'SUCCEEDED', reason: null })),
    );
    // The killed instance's calls to the model were made again by the instance that took over.
    expect(llm.requests.length).toBeGreaterThan(SESSIONS);
    process.stderr.write(
      `scale-out: ${acknowledged.length} writes acknowledged (${acknowledgedAfterKill} after the kill), ` +
        `${refused.length} refused, ${stored.length} committed; ${llm.requests.length} model calls for ${SESSIONS} sessions\n`,
    );
  }, 420_000);
});
