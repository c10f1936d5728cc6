import { lazy, Suspense, useState } from "react";
import type { Turn } from "../lib/useConversation";
import { ResultViews } from "./ResultViews";

const Markdown = lazy(() => import("./Markdown"));
const PlanEditor = lazy(() => import("./PlanEditor"));

/** The reading line: the API's `answer.reading` when it sends one, else the first "I read this as" line. */
export function reading(markdown: string, explicit?: string): { reading: string | null; body: string } {
  if (explicit) return { reading: explicit, body: markdown };
  const m = /^\s*(?:\*\*)?I read this as(?:\*\*)?\s*:?\s*(.+)$/im.exec(markdown);
  if (!m) return { reading: null, body: markdown };
  return { reading: m[1].replace(/\*\*$/, "").trim(), body: markdown.replace(m[0], "").trim() };
}

export function TurnView({ turn, threadId, busy, current, onShowTrace, onRunPlan }: {
  turn: Turn; threadId: string | null; busy: boolean; current: boolean;
  onShowTrace: () => void; onRunPlan: (program: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const answer = turn.values.answer;
  const split = answer ? reading(answer.markdown, answer.reading) : null;
  const running = turn.status === "streaming";
  const stage = Object.entries(turn.trace.nodes).find(([, n]) => n.status === "running")?.[0];
  return (
    <article className={`turn${current ? " turn-current" : ""}`} aria-label={`question: ${turn.question.slice(0, 60)}`}>
      <div className="bubble user"><pre>{turn.question}</pre></div>
      <div className="bubble agent" data-testid="answer" data-status={turn.status} aria-live="polite" aria-busy={running}>
        {running && !answer && <p className="muted">Thinking{stage ? `: ${stage}…` : "…"}</p>}
        {turn.error && <p className="error-text" role="alert" data-testid="error">{turn.error}</p>}
        {turn.status === "cancelled" && !answer && <p className="muted">Stopped.</p>}
        {split?.reading && <p className="reading" data-testid="reading"><span>I read this as</span> {split.reading}</p>}
        {split && <Suspense fallback={<pre className="md-fallback">{split.body}</pre>}><div className="markdown"><Markdown text={split.body} /></div></Suspense>}
        {turn.values.results && turn.values.results.length > 0 && answer && (
          <ResultViews results={turn.values.results} threadId={threadId} runId={turn.runId} />
        )}
        <div className="turn-actions">
          <button type="button" onClick={onShowTrace} aria-label="show this run's trace">Trace</button>
          {turn.values.plan?.program && !running && (
            <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label="edit the plan">
              {editing ? "Close plan" : "Edit plan"}
            </button>
          )}
          {answer && <span className="muted">confidence {Math.round(answer.confidence * 100)}%</span>}
        </div>
        {editing && turn.values.plan?.program && (
          <Suspense fallback={<p className="muted">Loading editor…</p>}>
            <PlanEditor program={turn.values.plan.program} disabled={busy}
              onRun={(p) => { setEditing(false); onRunPlan(p); }} />
          </Suspense>
        )}
      </div>
    </article>
  );
}
