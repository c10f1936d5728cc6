import { useCallback, useEffect, useRef, useState } from "react";
import { apiKey, fetchGraph, health, setApiKey, type GraphSpec, type Health } from "./lib/api";
import { emptyTrace } from "./lib/trace";
import { forgetThread, listThreads, type ThreadRef } from "./lib/threads";
import { useConversation } from "./lib/useConversation";
import { Composer, EXAMPLES } from "./components/Composer";
import { GraphView } from "./components/GraphView";
import { StageDetail } from "./components/StageDetail";
import { TurnView } from "./components/Turn";
import { Waterfall } from "./components/Waterfall";

type Theme = "light" | "dark";

export default function App() {
  const [threads, setThreads] = useState<ThreadRef[]>(listThreads);
  const { threadId, turns, busy, send, stop, open } = useConversation(setThreads);
  const [graph, setGraph] = useState<GraphSpec | null>(null);
  const [graphError, setGraphError] = useState<string | null>(null);
  const [status, setStatus] = useState<Health>({ ok: false, text: "checking…" });
  const [shown, setShown] = useState<number | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [settings, setSettings] = useState(false);
  const [key, setKey] = useState(apiKey);
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem("havoc.theme") as Theme)
    ?? (window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  const [loadError, setLoadError] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => { document.documentElement.dataset.theme = theme; localStorage.setItem("havoc.theme", theme); }, [theme]);
  useEffect(() => {
    fetchGraph().then(setGraph, (e) => setGraphError(e instanceof Error ? e.message : String(e)));
    const poll = () => health().then(setStatus);
    poll();
    const id = window.setInterval(poll, 15000);
    return () => window.clearInterval(id);
  }, []);
  useEffect(() => { setShown(null); end.current?.scrollIntoView({ block: "end" }); }, [turns.length]);

  const openThread = useCallback((id: string | null) => {
    setLoadError(null);
    setStage(null);
    open(id).catch((e) => setLoadError(`cannot load the thread: ${e instanceof Error ? e.message : String(e)}`));
  }, [open]);

  const turn = turns[shown ?? turns.length - 1];
  const trace = turn?.trace ?? emptyTrace();

  return (
    <div className="app">
      <header className="topbar">
        <h1>HAVOC</h1>
        <span className={`health ${status.ok ? "up" : "down"}`} role="status" aria-label={`API status: ${status.text}`}>{status.text}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setTheme(theme === "dark" ? "light" : "dark")} aria-label={`switch to ${theme === "dark" ? "light" : "dark"} theme`}>
          {theme === "dark" ? "☀" : "☾"}
        </button>
        <button type="button" onClick={() => setSettings((s) => !s)} aria-expanded={settings} aria-label="settings">⚙</button>
      </header>
      {settings && (
        <form className="settings" onSubmit={(e) => { e.preventDefault(); setApiKey(key.trim()); setSettings(false); health().then(setStatus); }}>
          <label>API key <input type="password" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off"
            placeholder="not needed on 127.0.0.1" aria-label="API key" /></label>
          <button type="submit">Save</button>
        </form>
      )}
      <div className="layout">
        <nav className="threads" aria-label="threads">
          <button type="button" className="new" onClick={() => openThread(null)} aria-label="new chat">+ New chat</button>
          <ul>
            {threads.map((t) => (
              <li key={t.id} className={t.id === threadId ? "active" : undefined}>
                <button type="button" onClick={() => openThread(t.id)} aria-label={`open thread: ${t.title}`}>{t.title}</button>
                <button type="button" className="forget" onClick={() => setThreads(forgetThread(t.id))} aria-label={`forget thread: ${t.title}`}>×</button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="chat" aria-label="chat">
          <div className="turns">
            {loadError && <p className="error-text" role="alert">{loadError}</p>}
            {turns.length === 0 && (
              <div className="empty">
                <p>Ask a question about designed experiments, process control, statistics or calculus. Every number comes from a tested tool; watch the eight stages work on the right.</p>
                <ul className="examples" aria-label="example questions">
                  {EXAMPLES.map((q) => <li key={q}><button type="button" onClick={() => send(q)}>{q}</button></li>)}
                </ul>
              </div>
            )}
            {turns.map((t, i) => (
              <TurnView key={t.key} turn={t} threadId={threadId} busy={busy} current={t === turn}
                onShowTrace={() => setShown(i)} onRunPlan={(p) => send("```havoc\n" + p + "\n```")} />
            ))}
            <div ref={end} />
          </div>
          <Composer busy={busy} onSend={send} onStop={stop} />
        </main>
        <aside className="trace" aria-label="trace">
          {graphError && <p className="error-text" role="alert">Cannot load the graph: {graphError}</p>}
          {graph && <GraphView spec={graph} trace={trace} selected={stage} onPick={setStage} />}
          {stage && turn && <StageDetail stage={stage} trace={trace} values={turn.values} onClose={() => setStage(null)} />}
          <Waterfall trace={trace} onPick={setStage} />
        </aside>
      </div>
    </div>
  );
}
