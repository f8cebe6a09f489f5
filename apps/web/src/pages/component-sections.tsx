import { Section, Status } from '../ui';
import type { ComponentData } from './component-data';

/** Why the component is DIRTY: each upstream change since its design was accepted. */
export function DirtyCauses({ causes }: { causes: ComponentData['component']['dirtyCauses'] }) {
  if (causes.length === 0) return null;
  return (
    <Section title="Why it is dirty">
      <ul>
        {causes.map((c, i) => (
          <li key={i}>
            {c.kind}: {c.summary}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function LinkedStories({ stories }: { stories: ComponentData['component']['stories'] }) {
  return (
    <Section title="Stories">
      {stories.map((s) => (
        <div key={s.id}>
          <strong>{s.title}</strong>
          <ul>
            {s.acceptanceCriteria.map((c, i) => (
              <li key={i}>
                <b>{c.ref}</b> {c.description}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {stories.length === 0 && <p className="muted">No story is linked.</p>}
    </Section>
  );
}

/** Every design version: accepted, valid or not, with its errors. */
export function DesignVersions({ designs }: { designs: ComponentData['designHistory'] }) {
  return (
    <ul>
      {designs.map((d) => (
        <li key={d.version}>
          version {d.version} <Status value={d.accepted ? 'ACCEPTED' : d.valid ? 'VALID' : 'INVALID'} />{' '}
          <span className="muted small">{d.submittedAt}</span>
          {d.errors.length > 0 && (
            <ul>
              {d.errors.map((e, i) => (
                <li key={i}>
                  {e.code}: {e.message}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The component's runs, newest first: outcome, evidence and why it counts. */
export function TestRuns({ runs }: { runs: ComponentData['sandboxRuns'] }) {
  return (
    <Section title="Test runs">
      <table>
        <thead>
          <tr>
            {['Outcome', 'Evidence', 'Tests', 'Why it counts'].map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>
                <Status value={r.outcome} />
              </td>
              <td>
                <Status value={r.evidence} />
              </td>
              <td>
                {r.testsPassed} passed, {r.testsFailed} failed
              </td>
              <td className="small">{r.evidenceReason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0 && <p className="muted">No run yet.</p>}
    </Section>
  );
}
