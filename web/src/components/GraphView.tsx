// The SRS graph from /v1/graph, laid out by dagre, each node coloured by its live status.
import { Background, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import dagre from "@dagrejs/dagre";
import { useMemo } from "react";
import type { GraphSpec } from "../lib/api";
import { formatMs, isStage, type RunTrace } from "../lib/trace";

const W = 132;
const H = 46;

type StageData = { stage: string; status: string; ms: string; selected: boolean; onPick: (s: string) => void };

function StageNode({ data }: NodeProps<Node<StageData>>) {
  return (
    <button type="button" className={`stage stage-${data.status}${data.selected ? " stage-selected" : ""}`}
      data-stage={data.stage} data-status={data.status} aria-pressed={data.selected}
      aria-label={`${data.stage}: ${data.status}${data.ms ? `, ${data.ms}` : ""}`} onClick={() => data.onPick(data.stage)}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <span className="stage-name">{data.stage}</span>
      <span className="stage-ms">{data.status === "running" ? "…" : data.ms}</span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      <Handle type="target" id="loop-in" position={Position.Left} isConnectable={false} />
      <Handle type="source" id="loop-out" position={Position.Left} isConnectable={false} />
    </button>
  );
}

const nodeTypes = { stage: StageNode };

export function layout(spec: GraphSpec): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 22 });
  g.setDefaultEdgeLabel(() => ({}));
  const stages = spec.nodes.filter((n) => isStage(n.id));
  for (const n of stages) g.setNode(n.id, { width: W, height: H });
  for (const e of spec.edges) {
    // the loop back is drawn but not ranked, so the eight stages stay one column
    if (isStage(e.source) && isStage(e.target) && !(e.source === "AUDIT" && e.target === "PLAN")) g.setEdge(e.source, e.target);
  }
  dagre.layout(g);
  return Object.fromEntries(stages.map((n) => [n.id, { x: g.node(n.id).x - W / 2, y: g.node(n.id).y - H / 2 }]));
}

export function GraphView({ spec, trace, selected, onPick }: {
  spec: GraphSpec; trace: RunTrace; selected: string | null; onPick: (stage: string) => void;
}) {
  const positions = useMemo(() => layout(spec), [spec]);
  const nodes: Node<StageData>[] = Object.entries(positions).map(([id, position]) => {
    const n = isStage(id) ? trace.nodes[id] : null;
    return { id, type: "stage", position, draggable: false, width: W, height: H,
      data: { stage: id, status: n?.status ?? "idle", ms: formatMs(n?.ms ?? null), selected: selected === id, onPick } };
  });
  const edges: Edge[] = spec.edges.filter((e) => positions[e.source] && positions[e.target]).map((e) => {
    const loop = e.source === "AUDIT" && e.target === "PLAN";
    const lit = loop && trace.loopTaken;
    return {
      id: `${e.source}-${e.target}`, source: e.source, target: e.target,
      sourceHandle: loop ? "loop-out" : undefined, targetHandle: loop ? "loop-in" : undefined,
      type: loop ? "smoothstep" : "straight", animated: lit, label: loop ? (lit ? `revised ×${trace.revisions}` : "audit failed") : undefined,
      className: loop ? (lit ? "edge-loop edge-lit" : "edge-loop") : undefined,
      markerEnd: { type: MarkerType.ArrowClosed },
      pathOptions: loop ? { offset: 40, borderRadius: 12 } : undefined,
    } as Edge;
  });
  return (
    <div className="graph" role="group" aria-label="reasoning graph">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodeClick={(_, n) => onPick(n.id)} fitView fitViewOptions={{ padding: 0.15 }}
        nodesConnectable={false} elementsSelectable={false} panOnDrag={false} zoomOnScroll={false}
        zoomOnPinch={false} zoomOnDoubleClick={false} preventScrolling={false} proOptions={{ hideAttribution: true }}>
        <Background gap={16} size={1} />
      </ReactFlow>
    </div>
  );
}
