// One thread's turns: streams a run (values + updates + custom, trace events in custom), stops it,
// and loads a past thread's runs from the server so they replay.
import { useCallback, useRef, useState } from "react";
import { ASSISTANT, client } from "./api";
import { applyEvent, emptyTrace, replay, settle, type RunTrace, type TraceEvent } from "./trace";
import { rememberThread, type ThreadRef } from "./threads";
import type { RunValues } from "./types";

export type TurnStatus = "streaming" | "done" | "error" | "cancelled";

export interface Turn {
  key: string;
  question: string;
  runId: string | null;
  values: RunValues;
  trace: RunTrace;
  status: TurnStatus;
  error: string | null;
}

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // the SDK puts the response body after the status; show the API's own sentence when there is one
  const m = /(\{.*\})\s*$/s.exec(text);
  if (m) {
    try {
      const body = JSON.parse(m[1]);
      const e = body.error ?? body.detail ?? body.message;
      if (typeof e === "string") return e;
      if (typeof e?.message === "string") return e.message;
    } catch { /* not JSON: keep the text */ }
  }
  return text;
}

export function useConversation(onThreads: (threads: ThreadRef[]) => void) {
  const [threadId, setThreadId] = useState<string | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const active = useRef<{ threadId: string; runId: string | null } | null>(null);

  const update = (key: string, fn: (t: Turn) => Turn) =>
    setTurns((all) => all.map((t) => (t.key === key ? fn(t) : t)));

  const send = useCallback(async (question: string) => {
    if (busy || !question.trim()) return;
    const key = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
    setTurns((all) => [...all, { key, question, runId: null, values: {}, trace: emptyTrace(), status: "streaming", error: null }]);
    setBusy(true);
    const ctrl = new AbortController();
    abort.current = ctrl;
    try {
      const api = client();
      let tid = threadId;
      if (!tid) {
        tid = (await api.threads.create()).thread_id;
        setThreadId(tid);
      }
      onThreads(rememberThread(tid, question));
      active.current = { threadId: tid, runId: null };
      const stream = api.runs.stream(tid, ASSISTANT, {
        input: { question },
        streamMode: ["values", "updates", "custom"],
        signal: ctrl.signal,
        onRunCreated: ({ run_id }) => {
          if (active.current) active.current.runId = run_id;
          update(key, (t) => ({ ...t, runId: run_id }));
        },
      });
      for await (const chunk of stream) {
        const data = chunk.data as Record<string, unknown>;
        if (chunk.event === "metadata" && typeof data?.run_id === "string") {
          const runId = data.run_id;
          if (active.current) active.current.runId = runId;
          update(key, (t) => ({ ...t, runId }));
        } else if (chunk.event === "custom" && data && typeof data === "object" && "trace" in data) {
          update(key, (t) => ({ ...t, trace: applyEvent(t.trace, data.trace as TraceEvent) }));
        } else if (chunk.event === "values") {
          update(key, (t) => ({ ...t, values: data as RunValues }));
        } else if (chunk.event === "error") {
          throw new Error(message(JSON.stringify(data)));
        }
      }
      update(key, (t) => ({ ...t, status: t.values.cancelled ? "cancelled" : "done",
        trace: t.values.trace && t.trace.events.length === 0 ? replay(t.values.trace) : t.trace }));
    } catch (err) {
      if (ctrl.signal.aborted) {
        update(key, (t) => ({ ...t, status: "cancelled", trace: settle(t.trace, "cancelled") }));
      } else {
        update(key, (t) => ({ ...t, status: "error", error: message(err), trace: settle(t.trace, "error") }));
      }
    } finally {
      abort.current = null;
      active.current = null;
      setBusy(false);
    }
  }, [busy, threadId, onThreads]);

  /** Stop: cancel the run on the server (it stops computing) and close the stream. */
  const stop = useCallback(async () => {
    const run = active.current;
    if (run?.runId) {
      try {
        await client().runs.cancel(run.threadId, run.runId);
      } catch { /* the stream's close cancels it too */ }
    }
    abort.current?.abort();
  }, []);

  const open = useCallback(async (id: string | null) => {
    abort.current?.abort();
    setThreadId(id);
    setTurns([]);
    if (!id) return;
    const history = await client().threads.getHistory<RunValues>(id, { limit: 200 });
    const seen = new Set<string>();
    const past: Turn[] = [];
    for (const state of history) { // newest first: the first state that has a run's answer is its end
      const v = state.values as RunValues;
      if (!v?.run_id || !v.answer || seen.has(v.run_id) || (state.next?.length ?? 0) > 0) continue;
      seen.add(v.run_id);
      const runId = (state.metadata as Record<string, unknown> | undefined)?.run_id;
      past.unshift({ key: v.run_id, question: v.question ?? "", runId: typeof runId === "string" ? runId : null,
        values: v, trace: replay(v.trace ?? []), status: v.cancelled ? "cancelled" : "done", error: null });
    }
    setTurns(past);
  }, []);

  return { threadId, turns, busy, send, stop, open };
}
