// The threads this browser started, newest first. The server keeps each thread's history;
// the LangGraph subset the API speaks has no thread search, so the ids are remembered here.
const STORAGE = "havoc.threads";

export interface ThreadRef {
  id: string;
  title: string;
  updated: number;
}

export function listThreads(): ThreadRef[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE) ?? "[]");
    return Array.isArray(raw) ? raw.filter((t) => typeof t?.id === "string") : [];
  } catch {
    return [];
  }
}

export function rememberThread(id: string, title: string): ThreadRef[] {
  const rest = listThreads().filter((t) => t.id !== id);
  const old = listThreads().find((t) => t.id === id);
  const next = [{ id, title: old?.title ?? title.slice(0, 80), updated: Date.now() }, ...rest].slice(0, 50);
  localStorage.setItem(STORAGE, JSON.stringify(next));
  return next;
}

export function forgetThread(id: string): ThreadRef[] {
  const next = listThreads().filter((t) => t.id !== id);
  localStorage.setItem(STORAGE, JSON.stringify(next));
  return next;
}
