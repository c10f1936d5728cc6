import { formatMs, waterfall, type RunTrace } from "../lib/trace";

export function Waterfall({ trace, onPick }: { trace: RunTrace; onPick: (stage: string) => void }) {
  if (trace.bars.length === 0) return null;
  const w = waterfall(trace.bars);
  return (
    <section className="waterfall" aria-label="stage durations">
      <h3>Stage durations <span className="muted">total {formatMs(w.totalMs)}</span></h3>
      <ol>
        {w.rows.map((r, i) => (
          <li key={i} data-testid="waterfall-row">
            <button type="button" className="wf-label" onClick={() => onPick(r.node)} aria-label={`${r.label} ${formatMs(r.ms)}`}>{r.label}</button>
            <span className="wf-track">
              <span className={`wf-bar wf-${r.status}`} style={{ left: `${r.leftPct}%`, width: `${r.widthPct}%` }} />
            </span>
            <span className="wf-ms">{formatMs(r.ms)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
