import { href } from '../route';
import { Loading, Problem } from '../ui';
import { useQuery } from '../use-query';

interface NextStep {
  action: string;
  reason: string;
  component: { id: string; name: string; type: string };
}

/** The actions in the order of the method, each with what it means for a person. */
const ACTIONS: readonly (readonly [string, string])[] = [
  ['REGENERATE', 'something it was built from changed: revise its design'],
  ['FIX_DESIGN', 'its newest design was refused: fix it'],
  ['WRITE_DESIGN', 'it has no design yet'],
  ['WRITE_TESTS', 'its design is accepted: write tests that fail first'],
  ['WRITE_CODE', 'its tests are red: write code until they pass'],
];

/**
 * The project's dashboard: what to do next, per component, with the cause (the architect's
 * nextActions), grouped by action in the order of the method, with how many of each.
 */
export function NextStepsPage({ projectId }: { projectId: string }) {
  const { data, error, loading } = useQuery<{ nextActions: NextStep[] }>(
    'query($p: ID!) { nextActions(projectId: $p) { action reason component { id name type } } }',
    { p: projectId },
  );
  if (loading && !data) return <Loading what="the next steps" />;
  if (error || !data) return <Problem message={error} />;
  const steps = data.nextActions;
  return (
    <main>
      <h1>Next steps</h1>
      <p>
        {steps.length === 0
          ? 'Nothing to do: every component is green against its accepted design.'
          : ACTIONS.map(([action]) => [action, steps.filter((s) => s.action === action).length] as const)
              .filter(([, count]) => count > 0)
              .map(([action, count]) => `${count} × ${action}`)
              .join(' · ')}
      </p>
      {ACTIONS.map(([action, meaning]) => {
        const group = steps.filter((s) => s.action === action);
        if (group.length === 0) return null;
        return (
          <section key={action} aria-label={action}>
            <h2>
              {action} <span className="muted small">{meaning}</span>
            </h2>
            <table className="next-steps">
              <tbody>
                {group.map((step) => (
                  <tr key={step.component.id}>
                    <td>
                      <a href={href('components', step.component.id)}>{step.component.name}</a>{' '}
                      <span className="muted small">{step.component.type}</span>
                    </td>
                    <td>{step.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </main>
  );
}
