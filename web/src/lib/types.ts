// The final state's shape, as graphs/state.py writes it (only what the UI reads).
export interface Passage { text: string; citation: string; source: string; section?: string; score?: number }
export interface Plan { program: string; planner: string; notes?: string[]; intent?: string; readings?: Plan[] }
export interface ToolResult { tool: string; args: Record<string, unknown>; output: Record<string, unknown> | null;
  error?: string | null; statement?: string; binding?: string | null }
export interface Argument { stance: "pro" | "con" | "note"; topic: string; text: string; check?: string; value?: number | null }
export interface Alternative { name: string; tool: string; summary?: string }
export interface Decision { chosen: string; rationale: string; confidence: number; confidence_terms?: Record<string, number> }
export interface AuditCheck { name: string; passed: boolean; detail?: string; tool?: string }
export interface Answer { markdown: string; confidence: number; caveats?: string[]; citations?: string[]; reading?: string }

export interface RunValues {
  run_id?: string;
  question?: string;
  mode?: string;
  mode_confidence?: number;
  mode_scores?: Record<string, number>;
  passages?: Passage[];
  plan?: Plan | null;
  plan_error?: string | null;
  results?: ToolResult[];
  execution_error?: string | null;
  arguments?: Argument[];
  alternatives?: Alternative[];
  decision?: Decision | null;
  audit_checks?: AuditCheck[];
  audit_passed?: boolean;
  audit_feedback?: string | null;
  revisions?: number;
  unaudited?: string[];
  answer?: Answer | null;
  failure?: { node: string; error: string } | null;
  cancelled?: boolean;
  trace?: import("./trace").TraceEvent[];
}
