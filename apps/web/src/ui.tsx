import type { ReactNode } from 'react';

/** An API error in words, never a blank page. */
export function Problem({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="problem">
      {message}
    </p>
  ) : null;
}

export function Loading({ what }: { what: string }) {
  return <p className="muted">Loading {what}…</p>;
}

/** A status word with the colour of what it means. */
export function Status({ value }: { value: string }) {
  const tone = /^(COMPLETED|VERIFIED|PASSED|SUCCEEDED|ACCEPTED|GREEN|CURRENT|GREEN_EVIDENCE)$/.test(value)
    ? 'good'
    : /^(DIRTY|FAILED|ERROR|RED|INVALID|CANCELLED)$/.test(value)
      ? 'bad'
      : 'neutral';
  return <span className={`status ${tone}`}>{value}</span>;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
