// The run's picture, computed from trace events alone (docs/agent.md#trace-events).
// Pure functions so that live streams and replays of finished runs draw the same thing.

export const STAGES = ["MODE", "GROUND", "PLAN", "EXECUTE", "ARGUE", "ARBITER", "AUDIT", "ANSWER"] as const;
export type Stage = (typeof STAGES)[number];
export type NodeStatus = "idle" | "running" | "done" | "error";

export interface TraceEvent {
  run_id: string;
  node: string;
  status: "start" | "end" | "error" | "tool";
  ts: string;
  started_at: string;
  duration_ms?: number | null;
  summary?: string;
  detail?: Record<string, unknown>;
}

export interface NodeState {
  status: NodeStatus;
  ms: number | null;
  summary: string;
  detail: Record<string, unknown>;
  tools: TraceEvent[];
  visits: number;
}

export interface Bar {
  node: string;
  offsetMs: number;
  durationMs: number;
  status: "done" | "error";
  pass: number;
}

export interface RunTrace {
  runId: string | null;
  nodes: Record<Stage, NodeState>;
  /** how many times AUDIT sent the plan back to PLAN */
  revisions: number;
  /** true while (and after) a revision has taken the AUDIT → PLAN edge */
  loopTaken: boolean;
  bars: Bar[];
  origin: number | null;
  events: TraceEvent[];
}

const idleNode = (): NodeState => ({ status: "idle", ms: null, summary: "", detail: {}, tools: [], visits: 0 });

export function emptyTrace(): RunTrace {
  const nodes = Object.fromEntries(STAGES.map((s) => [s, idleNode()])) as Record<Stage, NodeState>;
  return { runId: null, nodes, revisions: 0, loopTaken: false, bars: [], origin: null, events: [] };
}

export const isStage = (node: string): node is Stage => (STAGES as readonly string[]).includes(node);

/** The stages a revision runs again: PLAN up to AUDIT. */
const REVISED: Stage[] = ["PLAN", "EXECUTE", "ARGUE", "ARBITER", "AUDIT"];

/**
 * Fold one event into the picture. A `start` of PLAN after AUDIT has finished is a revision:
 * the loop edge lights and PLAN…AUDIT go back to idle until they run again.
 */
export function applyEvent(trace: RunTrace, event: TraceEvent): RunTrace {
  if (!isStage(event.node)) return trace;
  if (trace.runId !== null && event.run_id && event.run_id !== trace.runId) {
    trace = emptyTrace(); // a new run in the same view starts afresh
  }
  const nodes = { ...trace.nodes };
  let { revisions, loopTaken, bars, origin } = trace;
  const started = Date.parse(event.started_at);
  if (origin === null && !Number.isNaN(started)) origin = started;
  const node = { ...nodes[event.node] };
  const auditRan = nodes.AUDIT.visits > 0 && nodes.AUDIT.status !== "running";
  // live streams see PLAN start again; a replay (end events only) sees PLAN end after AUDIT's
  const isRevision = event.node === "PLAN" && auditRan && (event.status === "start" ||
    (event.status === "end" && node.status !== "running" && node.visits <= nodes.AUDIT.visits));

  if (isRevision) {
    revisions += 1;
    loopTaken = true;
    for (const s of REVISED) nodes[s] = { ...nodes[s], status: "idle", ms: null, tools: [] };
    Object.assign(node, nodes.PLAN);
  }
  switch (event.status) {
    case "start":
      node.status = "running";
      node.ms = null;
      node.tools = [];
      break;
    case "tool":
      node.tools = [...node.tools, event];
      if (node.status === "idle") node.status = "running";
      break;
    case "end":
    case "error": {
      node.status = event.status === "end" ? "done" : "error";
      node.ms = event.duration_ms ?? null;
      node.summary = event.summary ?? "";
      node.detail = event.detail ?? {};
      node.visits += 1;
      const offset = origin === null || Number.isNaN(started) ? 0 : started - origin;
      bars = [...bars, { node: event.node, offsetMs: offset, durationMs: event.duration_ms ?? 0,
        status: node.status, pass: revisions }];
      break;
    }
  }
  nodes[event.node] = node;
  return { runId: trace.runId ?? event.run_id ?? null, nodes, revisions, loopTaken, bars, origin,
    events: [...trace.events, event] };
}

/** A finished run's picture, from the `trace` list its final state keeps (replay). */
export function replay(events: TraceEvent[]): RunTrace {
  return events.reduce(applyEvent, emptyTrace());
}

export interface Waterfall {
  totalMs: number;
  rows: { label: string; node: string; leftPct: number; widthPct: number; ms: number; status: string }[];
}

/** Stage bars placed on one time axis: where each started and how long it took, revisions labelled. */
export function waterfall(bars: Bar[]): Waterfall {
  const totalMs = Math.max(1, ...bars.map((b) => b.offsetMs + b.durationMs));
  return {
    totalMs,
    rows: bars.map((b) => ({
      label: b.pass > 0 ? `${b.node} (revision ${b.pass})` : b.node,
      node: b.node,
      leftPct: (100 * b.offsetMs) / totalMs,
      widthPct: Math.max(0.5, (100 * b.durationMs) / totalMs),
      ms: b.durationMs,
      status: b.status,
    })),
  };
}

/** A stream that stopped (cancelled, or an error) leaves no node spinning. */
export function settle(trace: RunTrace, why: "cancelled" | "error"): RunTrace {
  const nodes = { ...trace.nodes };
  for (const s of STAGES) {
    if (nodes[s].status === "running") nodes[s] = { ...nodes[s], status: "error", summary: why };
  }
  return { ...trace, nodes };
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
