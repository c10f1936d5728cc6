// Results an engineer would print: the design table (coded or natural units, run order, CSV),
// and the API's figures (the same SVGs as `ask --plots`) with the signals the tool flagged.
import { useState } from "react";
import { plotUrl } from "../lib/api";
import type { ToolResult } from "../lib/types";

const PLOTTED = new Set(["control_chart", "doe_design", "doe_effects", "capability", "regression"]);

type Row = (number | string | null)[];

function num(x: unknown): string {
  if (typeof x === "number") return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
  return x == null ? "" : String(x);
}

export function designRows(out: Record<string, unknown>, units: "coded" | "natural", order: "run" | "std") {
  const coded = (out.coded ?? []) as Row[];
  const natural = (out.natural ?? null) as Row[] | null;
  const matrix = units === "natural" && natural ? natural : coded;
  const std = (out.std_order ?? coded.map((_, i) => i + 1)) as number[];
  const run = (out.run_order ?? std) as number[];
  const rows = matrix.map((r, i) => ({ run: run[i], std: std[i], block: (out.block as number[] | null)?.[i], values: r }));
  rows.sort((a, b) => (order === "run" ? a.run - b.run : a.std - b.std));
  return rows;
}

export function designCsv(out: Record<string, unknown>, units: "coded" | "natural"): string {
  const names = (out.factor_names ?? []) as string[];
  const rows = designRows(out, units, "run");
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [["run", "std_order", ...names].map(esc).join(","),
    ...rows.map((r) => [r.run, r.std, ...r.values].map((x) => esc(num(x))).join(","))].join("\n") + "\n";
}

function DesignTable({ out }: { out: Record<string, unknown> }) {
  const hasNatural = Array.isArray(out.natural);
  const [units, setUnits] = useState<"coded" | "natural">(hasNatural ? "natural" : "coded");
  const [order, setOrder] = useState<"run" | "std">("run");
  const names = (out.factor_names ?? []) as string[];
  const rows = designRows(out, units, order);
  const download = () => {
    const url = URL.createObjectURL(new Blob([designCsv(out, units)], { type: "text/csv" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: `${String(out.design ?? "design")}.csv` });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <figure className="design" data-testid="design-table" data-runs={rows.length}>
      <figcaption>
        <strong>{String(out.design ?? "design").replace(/_/g, " ")}</strong>: {rows.length} runs
        {out.randomized ? " (randomised order)" : ""}
        <span className="toolbar">
          <label>Units <select value={units} onChange={(e) => setUnits(e.target.value as "coded" | "natural")} aria-label="units">
            <option value="coded">coded</option>{hasNatural && <option value="natural">natural</option>}
          </select></label>
          <label>Order <select value={order} onChange={(e) => setOrder(e.target.value as "run" | "std")} aria-label="order">
            <option value="run">run order</option><option value="std">standard order</option>
          </select></label>
          <button type="button" onClick={download} aria-label="download design as CSV">CSV</button>
        </span>
      </figcaption>
      <div className="table-scroll">
        <table>
          <thead><tr><th scope="col">run</th><th scope="col">std</th>{names.map((n) => <th scope="col" key={n}>{n}</th>)}</tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={`${r.run}-${r.std}`} className={r.values.every((x) => x === 0) && units === "coded" ? "centre" : undefined}>
              <td>{r.run}</td><td>{r.std}</td>{r.values.map((x, j) => <td key={j}>{num(x)}</td>)}
            </tr>))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

interface Violation { rule: number | string; index: number; description?: string; chart?: string }

function Signals({ out }: { out: Record<string, unknown> }) {
  const violations = (out.violations ?? []) as Violation[];
  if (!violations.length) return <p className="muted" data-testid="signals">No point signals.</p>;
  return (
    <ul className="signals" data-testid="signals">
      {violations.map((v, i) => (
        <li key={i} data-testid="flagged-point">point {v.index + 1}: rule {v.rule}{v.description ? ` — ${v.description}` : ""}</li>
      ))}
    </ul>
  );
}

function Figure({ threadId, runId, index, result }: { threadId: string; runId: string; index: number; result: ToolResult }) {
  const [failed, setFailed] = useState(false);
  const name = `${String(index + 1).padStart(2, "0")}_${result.tool}`;
  const label = `${result.tool.replace(/_/g, " ")} figure`;
  return (
    <figure className="plot" data-testid={`plot-${result.tool}`}>
      {failed ? <p className="muted">The figure could not be loaded.</p> : (
        <img src={plotUrl(threadId, runId, name)} alt={label} onError={() => setFailed(true)} />
      )}
      {result.tool === "control_chart" && result.output && <Signals out={result.output} />}
    </figure>
  );
}

export function ResultViews({ results, threadId, runId }: { results: ToolResult[]; threadId: string | null; runId: string | null }) {
  return (
    <div className="results">
      {results.map((r, i) => (
        <div key={i}>
          {r.tool === "doe_design" && r.output && <DesignTable out={r.output} />}
          {PLOTTED.has(r.tool) && r.output && threadId && runId && (
            <Figure threadId={threadId} runId={runId} index={i} result={r} />
          )}
        </div>
      ))}
    </div>
  );
}
