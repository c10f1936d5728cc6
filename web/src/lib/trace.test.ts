import { describe, expect, it } from "vitest";
import { applyEvent, emptyTrace, replay, settle, STAGES, waterfall, type TraceEvent } from "./trace";

const t0 = Date.parse("2026-12-05T10:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms).toISOString();

function ev(node: string, status: TraceEvent["status"], startMs: number, duration?: number, extra: Partial<TraceEvent> = {}): TraceEvent {
  return { run_id: "r1", node, status, ts: at(startMs + (duration ?? 0)), started_at: at(startMs),
    duration_ms: duration ?? null, summary: `${node} ${status}`, detail: {}, ...extra };
}

/** A whole live run: start and end for each stage, one after the other, 10 ms each. */
function liveRun(): TraceEvent[] {
  return STAGES.flatMap((s, i) => [ev(s, "start", i * 10), ev(s, "end", i * 10, 10)]);
}

describe("event → node status", () => {
  it("goes idle → running → done with its ms", () => {
    let t = emptyTrace();
    expect(t.nodes.MODE.status).toBe("idle");
    t = applyEvent(t, ev("MODE", "start", 0));
    expect(t.nodes.MODE.status).toBe("running");
    expect(t.nodes.MODE.ms).toBeNull();
    t = applyEvent(t, ev("MODE", "end", 0, 12.5, { detail: { scores: { doe: 1 } } }));
    expect(t.nodes.MODE).toMatchObject({ status: "done", ms: 12.5, detail: { scores: { doe: 1 } } });
    expect(t.nodes.GROUND.status).toBe("idle");
  });

  it("marks an error with its ms and summary", () => {
    let t = applyEvent(emptyTrace(), ev("EXECUTE", "start", 0));
    t = applyEvent(t, ev("EXECUTE", "error", 0, 3, { summary: "ValueError: bad" }));
    expect(t.nodes.EXECUTE).toMatchObject({ status: "error", ms: 3, summary: "ValueError: bad" });
  });

  it("collects tool calls under their stage", () => {
    let t = applyEvent(emptyTrace(), ev("EXECUTE", "start", 0));
    t = applyEvent(t, ev("EXECUTE", "tool", 0, 2, { detail: { tool: "doe_design", args: { factors: 3 } } }));
    expect(t.nodes.EXECUTE.tools).toHaveLength(1);
    expect(t.nodes.EXECUTE.status).toBe("running");
  });

  it("ignores events of nodes outside the graph", () => {
    const t = applyEvent(emptyTrace(), ev("graph", "error", 0, 1));
    expect(t.events).toHaveLength(0);
  });

  it("starts afresh when a new run's events arrive", () => {
    let t = liveRun().reduce(applyEvent, emptyTrace());
    t = applyEvent(t, ev("MODE", "start", 100, undefined, { run_id: "r2" }));
    expect(t.runId).toBe("r2");
    expect(t.nodes.MODE.status).toBe("running");
    expect(t.nodes.ANSWER.status).toBe("idle");
  });

  it("settles running nodes when the stream stops", () => {
    let t = applyEvent(emptyTrace(), ev("MODE", "start", 0));
    t = settle(t, "cancelled");
    expect(t.nodes.MODE).toMatchObject({ status: "error", summary: "cancelled" });
  });
});

describe("revision: AUDIT → PLAN", () => {
  const stagesUpTo = (last: string, offset: number) => {
    const out: TraceEvent[] = [];
    const i0 = STAGES.indexOf("PLAN");
    for (const s of STAGES.slice(i0, STAGES.indexOf(last as never) + 1)) {
      out.push(ev(s, "start", offset), ev(s, "end", offset, 5));
      offset += 5;
    }
    return out;
  };
  const first = [ev("MODE", "start", 0), ev("MODE", "end", 0, 5), ev("GROUND", "start", 5), ev("GROUND", "end", 5, 5),
    ...stagesUpTo("AUDIT", 10)];

  it("lights the loop edge and resets PLAN…AUDIT when PLAN starts again", () => {
    let t = first.reduce(applyEvent, emptyTrace());
    expect(t.loopTaken).toBe(false);
    t = applyEvent(t, ev("PLAN", "start", 40));
    expect(t.loopTaken).toBe(true);
    expect(t.revisions).toBe(1);
    expect(t.nodes.PLAN.status).toBe("running");
    expect(t.nodes.AUDIT.status).toBe("idle");
    expect(t.nodes.GROUND.status).toBe("done");
    t = applyEvent(t, ev("PLAN", "end", 40, 5));
    expect(t.revisions).toBe(1); // the end of the revised PLAN is not a second revision
  });

  it("is found in a replay that has only end events", () => {
    const ends = [...first, ...stagesUpTo("AUDIT", 40), ...stagesUpTo("AUDIT", 70)].filter((e) => e.status === "end");
    const t = replay([...ends, ev("ANSWER", "end", 100, 5)]);
    expect(t.revisions).toBe(2);
    expect(t.loopTaken).toBe(true);
    expect(STAGES.every((s) => t.nodes[s].status === "done")).toBe(true);
    expect(t.bars.filter((b) => b.node === "PLAN").map((b) => b.pass)).toEqual([0, 1, 2]);
  });
});

describe("waterfall", () => {
  it("places each stage on one time axis", () => {
    const t = liveRun().reduce(applyEvent, emptyTrace());
    const w = waterfall(t.bars);
    expect(w.totalMs).toBe(80);
    expect(w.rows.map((r) => r.node)).toEqual([...STAGES]);
    expect(w.rows[0]).toMatchObject({ leftPct: 0, widthPct: 12.5, ms: 10 });
    expect(w.rows[7].leftPct).toBeCloseTo(87.5);
  });

  it("labels revised stages and keeps tiny bars visible", () => {
    const w = waterfall([{ node: "PLAN", offsetMs: 0, durationMs: 1000, status: "done", pass: 0 },
      { node: "PLAN", offsetMs: 1000, durationMs: 0.1, status: "done", pass: 1 }]);
    expect(w.rows[1].label).toBe("PLAN (revision 1)");
    expect(w.rows[1].widthPct).toBe(0.5);
  });
});

describe("replay", () => {
  it("draws a finished run from its saved trace as the live stream did", () => {
    const live = liveRun().reduce(applyEvent, emptyTrace());
    const saved = replay(liveRun().filter((e) => e.status !== "start"));
    for (const s of STAGES) {
      expect(saved.nodes[s].status).toBe("done");
      expect(saved.nodes[s].ms).toBe(live.nodes[s].ms);
    }
    expect(waterfall(saved.bars)).toEqual(waterfall(live.bars));
  });
});
