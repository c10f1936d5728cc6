// What one stage did, from its trace events and the run's state.
import { formatMs, isStage, type RunTrace } from "../lib/trace";
import type { RunValues } from "../lib/types";

const pct = (x: number | undefined | null) => (x == null ? "–" : `${Math.round(x * 100)}%`);

function Json({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

function ModeDetail({ v, detail }: { v: RunValues; detail: Record<string, unknown> }) {
  const scores = (v.mode_scores ?? detail.scores ?? {}) as Record<string, number>;
  const max = Math.max(1e-9, ...Object.values(scores));
  return (
    <>
      <p>Read as <strong>{v.mode ?? "–"}</strong> (confidence {pct(v.mode_confidence)})</p>
      <ul className="scores">
        {Object.entries(scores).map(([k, s]) => (
          <li key={k}><span>{k}</span><span className="score-bar" style={{ width: `${(100 * s) / max}%` }} /><span>{s.toFixed(2)}</span></li>
        ))}
      </ul>
    </>
  );
}

function PlanDetail({ v, trace }: { v: RunValues; trace: RunTrace }) {
  const readings = trace.events.filter((e) => e.node === "PLAN" && e.status === "end");
  return (
    <>
      {v.plan ? (
        <>
          <p>Planner: <strong>{v.plan.planner}</strong></p>
          <pre className="program" data-testid="plan-program">{v.plan.program}</pre>
          {v.plan.notes?.length ? <ul>{v.plan.notes.map((n, i) => <li key={i}>{n}</li>)}</ul> : null}
        </>
      ) : <p>{v.plan_error ?? "No plan: nothing to compute."}</p>}
      {(v.plan?.readings?.length ?? 0) > 0 && (
        <div className="readings"><h4>Other readings</h4>
          {v.plan!.readings!.map((r, i) => <div key={i}><p>{r.planner}</p><pre className="program">{r.program}</pre></div>)}
        </div>
      )}
      {readings.length > 1 && (
        <div className="readings"><h4>Readings, pass by pass (the audit sent the plan back)</h4>
          <ol>{readings.map((e, i) => <li key={i}>{e.summary}{e.detail?.audit_feedback ? ` — audit: ${String(e.detail.audit_feedback)}` : ""}</li>)}</ol>
        </div>
      )}
    </>
  );
}

function ExecuteDetail({ v, trace }: { v: RunValues; trace: RunTrace }) {
  const calls = trace.nodes.EXECUTE.tools;
  return (
    <>
      {v.execution_error && <p className="error-text">{v.execution_error}</p>}
      {(v.results ?? []).map((r, i) => (
        <details key={i} className="tool-call" open={i === 0}>
          <summary><code>{r.tool}</code> {r.statement}</summary>
          <h5>Arguments</h5><Json value={r.args} />
          <h5>Output</h5>{r.error ? <p className="error-text">{r.error}</p> : <Json value={r.output} />}
        </details>
      ))}
      {calls.length > 0 && (
        <><h4>Tool calls</h4><ul>{calls.map((c, i) => <li key={i}>{c.summary} <span className="muted">{formatMs(c.duration_ms ?? null)}</span></li>)}</ul></>
      )}
    </>
  );
}

function ArgueDetail({ v }: { v: RunValues }) {
  const args = v.arguments ?? [];
  return (
    <div className="pros-cons">
      {(["pro", "con", "note"] as const).map((stance) => (
        <div key={stance}>
          <h4>{stance === "pro" ? "For" : stance === "con" ? "Against" : "Notes"}</h4>
          <ul>{args.filter((a) => a.stance === stance).map((a, i) => (
            <li key={i}><strong>{a.topic}</strong>: {a.text}{a.check ? <span className="muted"> ({a.check})</span> : null}</li>
          ))}</ul>
        </div>
      ))}
    </div>
  );
}

function ArbiterDetail({ v }: { v: RunValues }) {
  const d = v.decision;
  return (
    <>
      {d ? (
        <>
          <p>Chose <strong>{d.chosen}</strong>, confidence {pct(d.confidence)}</p>
          <p>{d.rationale}</p>
          {d.confidence_terms && <p className="muted">terms: {Object.entries(d.confidence_terms).map(([k, x]) => `${k} = ${x}`).join(", ")}</p>}
        </>
      ) : <p>No decision.</p>}
      {(v.alternatives ?? []).length > 0 && (
        <><h4>Alternatives computed</h4><ul>{v.alternatives!.map((a, i) => <li key={i}><strong>{a.name}</strong> ({a.tool}): {a.summary}</li>)}</ul></>
      )}
    </>
  );
}

function AuditDetail({ v }: { v: RunValues }) {
  return (
    <>
      <p>{v.audit_passed ? "All checks passed." : "Not all checks passed."} Revisions: {v.revisions ?? 0}</p>
      {v.audit_feedback && <p className="error-text">{v.audit_feedback}</p>}
      <ul className="checks">
        {(v.audit_checks ?? []).map((c, i) => (
          <li key={i} className={c.passed ? "ok" : "fail"}><span aria-label={c.passed ? "passed" : "failed"}>{c.passed ? "✓" : "✗"}</span> <strong>{c.name}</strong> {c.detail}</li>
        ))}
      </ul>
      {(v.unaudited ?? []).length > 0 && <p className="muted">Not audited: {v.unaudited!.join(", ")}</p>}
    </>
  );
}

function AnswerDetail({ v }: { v: RunValues }) {
  const a = v.answer;
  if (!a) return <p>No answer yet.</p>;
  return (
    <>
      <p>Confidence {pct(a.confidence)}</p>
      <h4>Caveats</h4>
      {a.caveats?.length ? <ul>{a.caveats.map((c, i) => <li key={i}>{c}</li>)}</ul> : <p className="muted">none</p>}
      {a.citations?.length ? <><h4>Citations</h4><ul>{a.citations.map((c, i) => <li key={i}>{c}</li>)}</ul></> : null}
    </>
  );
}

export function StageDetail({ stage, trace, values, onClose }: {
  stage: string; trace: RunTrace; values: RunValues; onClose: () => void;
}) {
  if (!isStage(stage)) return null;
  const node = trace.nodes[stage];
  let body;
  switch (stage) {
    case "MODE": body = <ModeDetail v={values} detail={node.detail} />; break;
    case "GROUND":
      body = (values.passages ?? []).length ? (
        <ol className="passages">{values.passages!.map((p, i) => (
          <li key={i}><strong>{p.citation}</strong> <span className="muted">{p.source}{p.score != null ? ` · ${p.score.toFixed(3)}` : ""}</span><p>{p.text.slice(0, 400)}{p.text.length > 400 ? "…" : ""}</p></li>
        ))}</ol>) : <p>No passages.</p>;
      break;
    case "PLAN": body = <PlanDetail v={values} trace={trace} />; break;
    case "EXECUTE": body = <ExecuteDetail v={values} trace={trace} />; break;
    case "ARGUE": body = <ArgueDetail v={values} />; break;
    case "ARBITER": body = <ArbiterDetail v={values} />; break;
    case "AUDIT": body = <AuditDetail v={values} />; break;
    case "ANSWER": body = <AnswerDetail v={values} />; break;
  }
  return (
    <section className="stage-detail" data-testid="stage-detail" data-detail-stage={stage} aria-label={`${stage} detail`}>
      <header>
        <h3>{stage} <span className={`pill pill-${node.status}`}>{node.status}</span> <span className="muted">{formatMs(node.ms)}</span></h3>
        <button type="button" onClick={onClose} aria-label="close detail">×</button>
      </header>
      {node.summary && <p className="summary">{node.summary}</p>}
      {node.status === "error" && typeof node.detail.traceback === "string" && <pre className="json">{node.detail.traceback}</pre>}
      {body}
    </section>
  );
}
