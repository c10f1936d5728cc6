// PLAN's program in CodeMirror (loaded lazily): checked by /v1/dsl/check as you type, problems
// underlined where the parser points; Run sends it back as the user's own DSL.
import { basicSetup } from "codemirror";
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { EditorView, keymap } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useEffect, useRef, useState } from "react";
import { checkDsl, type DslProblem } from "../lib/api";

const KEYWORDS = /^(let|design|chart|test|regress|anova|capability|describe|evaluate|derivative|integral|factor|factors|from|column|rules|on|with|at|digits|spec|lsl|usl|target)\b/;

const havoc = StreamLanguage.define({
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return "comment";
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
    if (stream.match(/^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/i)) return "number";
    if (stream.match(KEYWORDS)) return "keyword";
    if (stream.match(/^[A-Za-z_][\w]*/)) return "variableName";
    stream.next();
    return "punctuation";
  },
});

const colours = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--kw)", fontWeight: "600" },
  { tag: tags.number, color: "var(--num)" },
  { tag: tags.string, color: "var(--str)" },
  { tag: tags.comment, color: "var(--muted)", fontStyle: "italic" },
]);

export function toDiagnostics(text: string, problems: DslProblem[]): Diagnostic[] {
  const lines = text.split("\n");
  return problems.map((p) => {
    if (p.line === null) return { from: 0, to: Math.min(text.length, 1), severity: "error", message: p.message };
    const li = Math.min(Math.max(p.line, 1), lines.length) - 1;
    const start = lines.slice(0, li).reduce((n, l) => n + l.length + 1, 0);
    const col = Math.min(Math.max((p.column ?? 1) - 1, 0), lines[li].length);
    const word = /^[\w.]+/.exec(lines[li].slice(col))?.[0].length ?? 1;
    return { from: start + col, to: Math.min(start + col + Math.max(word, 1), text.length), severity: "error", message: p.message };
  });
}

export default function PlanEditor({ program, onRun, disabled }: { program: string; onRun: (program: string) => void; disabled: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [problems, setProblems] = useState<DslProblem[]>([]);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    const check = linter(async (v) => {
      const text = v.state.doc.toString();
      setChecking(true);
      try {
        const found = await checkDsl(text);
        setProblems(found);
        return toDiagnostics(text, found);
      } catch (err) {
        const p = [{ message: `check failed: ${err instanceof Error ? err.message : String(err)}`, line: null, column: null }];
        setProblems(p);
        return [];
      } finally {
        setChecking(false);
      }
    }, { delay: 300 });
    view.current = new EditorView({
      doc: program,
      parent: host.current!,
      extensions: [basicSetup, havoc, syntaxHighlighting(colours), check, lintGutter(),
        EditorView.contentAttributes.of({ "aria-label": "plan program" }),
        keymap.of([{ key: "Mod-Enter", run: (v) => { onRun(v.state.doc.toString()); return true; } }])],
    });
    host.current?.scrollIntoView({ block: "nearest" });
    view.current.focus();
    return () => view.current?.destroy();
    // the editor owns its text after the first render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="plan-editor" data-testid="plan-editor">
      <div ref={host} />
      <div className="plan-editor-bar">
        <span role="status" className={problems.length ? "error-text" : "muted"} data-testid="dsl-status">
          {checking ? "checking…" : problems.length ? problems.map((p) => (p.line ? `line ${p.line}:${p.column}: ` : "") + p.message).join("; ") : "program checks"}
        </span>
        <button type="button" disabled={disabled || problems.length > 0} onClick={() => onRun(view.current!.state.doc.toString())}
          aria-label="run the edited plan">Run plan</button>
      </div>
    </div>
  );
}
