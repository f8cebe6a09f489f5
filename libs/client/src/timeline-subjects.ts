import type { GraphqlCall } from './story-pages';
import { allStories } from './story-pages';

/** What a timeline entry says about what it is about. */
export interface TimelineSubject {
  readonly streamId: string;
  /** Set by the API when the stream holds a whole project's events (the architecture). */
  readonly subjectId?: string | null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The id an entry is about: the one its data names, else its stream's. */
export function subjectIdOf(entry: TimelineSubject): string | undefined {
  return entry.subjectId ?? UUID.exec(entry.streamId)?.[0];
}

/**
 * What each id of a project is called on its timeline: the project, its stories by title (written
 * by `story`), its components by name.
 */
export async function timelineNames(
  graphql: GraphqlCall,
  projectId: string,
  story: (title: string) => string = (title) => `story "${title}"`,
): Promise<Map<string, string>> {
  const [{ project, architecture }, stories] = await Promise.all([
    graphql<{ project: { name: string }; architecture: { components: { id: string; name: string }[] } }>(
      'query($p: ID!) { project(id: $p) { name } architecture(projectId: $p) { components { id name } } }',
      { p: projectId },
    ),
    allStories<{ id: string; title: string }>(graphql, projectId, 'id title'),
  ]);
  const names = new Map<string, string>([[projectId, `project ${project.name}`]]);
  for (const { id, title } of stories) names.set(id, story(title));
  for (const component of architecture.components) names.set(component.id, component.name);
  return names;
}

/**
 * The entry's subject in words: its name (`story "Checkout"`, `Totals`), with the stream's kind
 * when asked and the name does not say it (`Totals (design)`, `Totals (architecture)`), or the
 * stream's kind and a short id when it has no name (`git-commit 044cc270`).
 */
export function subjectLabel(
  entry: TimelineSubject,
  names: ReadonlyMap<string, string>,
  { withKind }: { readonly withKind: boolean },
): string {
  const id = subjectIdOf(entry);
  const kind = entry.streamId.replace(UUID, '').replace(/-$/, '');
  if (!id) return entry.streamId;
  const name = names.get(id);
  if (!name) return `${kind || 'stream'} ${id.slice(0, 8)}`;
  return withKind && kind && !name.startsWith(kind) ? `${name} (${kind})` : name;
}
