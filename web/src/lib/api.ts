// Everything the UI asks of `havoc-agent serve`: LangGraph threads and runs through the official
// SDK, and HAVOC's own JSON endpoints (/v1/graph, /v1/dsl/check, /healthz) through fetch.
import { Client } from "@langchain/langgraph-sdk";

export const ASSISTANT = "havoc";
const KEY_STORAGE = "havoc.apiKey";

export function apiKey(): string {
  return localStorage.getItem(KEY_STORAGE) ?? "";
}

export function setApiKey(key: string): void {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

export function client(): Client {
  return new Client({ apiUrl: window.location.origin, apiKey: apiKey() || null });
}

/** The API's one error shape (or OpenAI's), said in one line; anything else by its status. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export function errorMessage(body: unknown, status: number): string {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    const e = b.error ?? b.detail ?? b.message;
    if (typeof e === "string") return e;
    if (e && typeof e === "object") {
      const m = (e as Record<string, unknown>).message;
      if (typeof m === "string") return m;
    }
    if (Array.isArray(e)) return e.map((x) => (x as { msg?: string }).msg ?? JSON.stringify(x)).join("; ");
  }
  return `HTTP ${status}`;
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const headers = new Headers(init?.headers);
  if (apiKey()) headers.set("x-api-key", apiKey());
  if (init?.body) headers.set("content-type", "application/json");
  const res = await fetch(path, { ...init, headers });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(errorMessage(body, res.status), res.status);
  return body as T;
}

export interface GraphSpec {
  nodes: { id: string; label?: string }[];
  edges: { source: string; target: string; conditional?: boolean; label?: string }[];
}

/** /v1/graph, read leniently: nodes as ids or objects, edges as {source,target} or {from,to}. */
export async function fetchGraph(): Promise<GraphSpec> {
  const raw = await getJson<{ nodes: unknown[]; edges: unknown[] }>("/v1/graph");
  const nodes = raw.nodes.map((n) => (typeof n === "string" ? { id: n } : { id: String((n as { id: string }).id), label: (n as { name?: string }).name }));
  const edges = raw.edges.map((e) => {
    const o = e as Record<string, unknown>;
    return { source: String(o.source ?? o.from), target: String(o.target ?? o.to),
      conditional: Boolean(o.conditional), label: typeof o.label === "string" ? o.label : undefined };
  });
  return { nodes, edges };
}

export interface DslProblem {
  message: string;
  line: number | null;
  column: number | null;
}

const LOCATED = /(?:^|\s)(?:<[^>]*>|[^\s:]*):(\d+):(\d+):\s*(.*)$/;

/** A located message "file:LINE:COL: text" becomes a problem at that place. */
export function locate(message: string, line?: unknown, column?: unknown): DslProblem {
  if (typeof line === "number") return { message, line, column: typeof column === "number" ? column : 1 };
  const m = LOCATED.exec(message.split("\n")[0]);
  if (m) return { message: message.replace(/^[^:]*:\d+:\d+:\s*/, ""), line: Number(m[1]), column: Number(m[2]) };
  return { message, line: null, column: null };
}

/** /v1/dsl/check: [] when the program is good, else its located problems. */
export async function checkDsl(program: string, signal?: AbortSignal): Promise<DslProblem[]> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey()) headers["x-api-key"] = apiKey();
  const res = await fetch("/v1/dsl/check", { method: "POST", headers, body: JSON.stringify({ program }), signal });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && (!body || body.ok !== false) && !(Array.isArray(body?.errors) && body.errors.length)) return [];
  if (Array.isArray(body?.errors)) {
    return body.errors.map((e: Record<string, unknown>) => locate(String(e.message ?? e.msg ?? e), e.line, e.column));
  }
  const err = (body?.error ?? body) as Record<string, unknown> | string | null;
  if (err && typeof err === "object") return [locate(String(err.message ?? errorMessage(body, res.status)), err.line, err.column)];
  return [locate(errorMessage(body, res.status))];
}

export interface Health {
  ok: boolean;
  text: string;
}

export async function health(): Promise<Health> {
  try {
    const res = await fetch("/healthz");
    return { ok: res.ok, text: res.ok ? "API up" : `API answered ${res.status}` };
  } catch {
    return { ok: false, text: "API unreachable" };
  }
}

/** Where a run's figure lives (the same figures as `ask --plots`, as SVG). */
export function plotUrl(threadId: string, runId: string, name: string): string {
  return `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}/plots/${encodeURIComponent(name)}.svg`;
}
