import { useEffect, useRef, useState } from "react";

export const EXAMPLES = [
  "Design a Box-Behnken DOE",
  "individuals chart of 10 10.2 9.9 10.1 10 9.8 10.1 14 10 9.9",
  "Cpk for 9.9 10.1 10.0 10.2 9.8 10.1 with LSL 9.5 and USL 10.5",
  "What is the derivative of x^3 sin x",
];

export function Composer({ busy, onSend, onStop }: { busy: boolean; onSend: (q: string) => void; onStop: () => void }) {
  const [text, setText] = useState("");
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const esc = (e: KeyboardEvent) => { if (e.key === "Escape" && busy) onStop(); };
    window.addEventListener("keydown", esc);
    return () => window.removeEventListener("keydown", esc);
  }, [busy, onStop]);
  const send = () => {
    if (!text.trim() || busy) return;
    onSend(text.trim());
    setText("");
  };
  return (
    <form className="composer" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <textarea ref={box} value={text} rows={2} placeholder="Ask about a design, a chart, a test, a formula…  (Enter sends, Shift+Enter new line)"
        aria-label="question" onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) { e.preventDefault(); send(); } }} />
      {busy ? <button type="button" className="stop" onClick={onStop} aria-label="stop the run (Esc)">Stop</button>
        : <button type="submit" disabled={!text.trim()} aria-label="send">Send</button>}
    </form>
  );
}
