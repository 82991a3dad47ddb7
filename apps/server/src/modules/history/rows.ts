import { PORTAL_STATUS, type State } from '@motcua/domain/workflow/states';
import { isoOf, prng } from './clock.ts';
import type { FilePlan, HistoryProcedure, HistoryUnit, Plan } from './plan.ts';

/**
 * The rows of the planned files, table by table, in batches: the generator's output. Plain JSON values, so the
 * service can send a batch as one json_to_recordset parameter. Pure and deterministic.
 */
export const CODE_PREFIX = 'LSHIS-';

/** Placeholder scans every generated document and result points at (no bytes in the file store). */
export const SCAN_SHAS = ['1', '2', '3', '4'].map((n) => n.repeat(64));

export interface AppRow {
  id: string;
  code: string;
  lookup_key: string;
  procedure_code: string;
  receiving_unit_id: string;
  channel: number;
  state: State;
  portal_status: number;
  documents: { name: string; copyType: 'copy'; quantity: 1 }[];
  return_channel: string | null;
  postal: { returnTrackingNumber: string } | null;
  received_at: string;
  due_at: string;
  original_due_at: string;
  supplement_requests: number;
  apologies: number;
  counts_late: boolean;
  processed_at: string | null;
  returned_at: string | null;
  finished_at: string | null;
  version: number;
  updated_at: string;
  report_scans: string;
  report_reused: boolean;
  report_result_ok: boolean;
  rated_at: string | null;
  rating_satisfied: boolean | null;
  report_disliked: boolean;
}
export interface EventRow {
  a: string;
  s: number;
  t: string;
  x: string;
  f: string | null;
  o: string;
  p: Record<string, string> | null;
}
export interface DocumentRow {
  a: string;
  n: number;
  h: string;
  t: string;
  r: string | null;
}
export interface ResultRow {
  a: string;
  c: string;
  st: 'signed' | 'scanned';
  h: string;
  t: string;
}
export interface RatingRow {
  a: string;
  u: string;
  src: 'kiosk' | 'portal' | 'link';
  lv: string;
  t: string;
}
export interface Batch {
  applications: AppRow[];
  events: EventRow[];
  documents: DocumentRow[];
  results: ResultRow[];
  ratings: RatingRow[];
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rand() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Codes as the desk issues them: {unit}-{yymmdd}-{daily sequence}, behind the generated-history prefix. */
function codes(plan: Plan, units: readonly HistoryUnit[]): string[] {
  const seq = new Map<string, number>();
  return plan.files.map((f) => {
    const day = plan.clock.days[Math.ceil(f.received / plan.clock.W) - 1]!;
    const key = `${units[f.unit]!.code}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    return `${CODE_PREFIX}${key}-${String(n).padStart(4, '0')}`;
  });
}

export function* historyRows(
  plan: Plan,
  seed: number,
  units: readonly HistoryUnit[],
  procedures: readonly HistoryProcedure[],
  batchSize = 5_000,
): Generator<Batch> {
  const rand = prng(seed ^ 0x5eed5eed);
  const at = (position: number) => isoOf(plan.clock.ms(position));
  const allCodes = codes(plan, units);
  const documentLists = procedures.map((p) =>
    p.documents.map((name) => ({ name, copyType: 'copy' as const, quantity: 1 as const })),
  );
  let batch: Batch = { applications: [], events: [], documents: [], results: [], ratings: [] };
  for (const [i, f] of plan.files.entries()) {
    const id = uuidFrom(rand);
    const code = allCodes[i]!;
    const lookup = Array.from({ length: 8 }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
    const events = eventsOf(f, id, at, plan.clock.W);
    const processed = f.outcome !== 'refused' && f.outcome !== 'withdrawn';
    const state: State = processed ? 'returned' : f.outcome === 'refused' ? 'refused' : 'withdrawn';
    const unitId = units[f.unit]!.id;
    batch.applications.push({
      id,
      code,
      lookup_key: lookup,
      procedure_code: procedures[f.procedure]!.code,
      receiving_unit_id: unitId,
      channel: f.channel,
      state,
      portal_status: PORTAL_STATUS[state],
      documents: documentLists[f.procedure]!,
      return_channel: f.returnChannel,
      postal:
        f.returnChannel === 'post'
          ? { returnTrackingNumber: `EH${String(Math.floor(rand() * 1e9)).padStart(9, '0')}VN` }
          : null,
      received_at: at(f.received),
      due_at: at(f.due),
      original_due_at: at(f.due0),
      supplement_requests: f.pauses.length,
      apologies: f.apology === null ? 0 : 1,
      counts_late: f.pauses.length > 1 || f.apology !== null,
      processed_at: processed ? at(f.end) : null,
      returned_at: f.returned === null ? null : at(f.returned),
      finished_at: f.returned !== null ? at(f.returned) : processed ? null : at(f.end),
      version: events.length,
      updated_at: events.at(-1)!.t,
      report_scans: `{${Array.from({ length: f.scans }, (_, n) => n + 1).join(',')}}`,
      report_reused: f.reusedFrom !== null,
      report_result_ok: f.resultDigital,
      rated_at: f.rated === null ? null : at(f.rated),
      rating_satisfied: f.level === null ? null : f.level !== 'khong_hai_long',
      report_disliked: f.level === 'khong_hai_long',
    });
    batch.events.push(...events);
    const sha = SCAN_SHAS[i % SCAN_SHAS.length]!;
    for (let n = 1; n <= f.scans; n += 1)
      batch.documents.push({
        a: id,
        n,
        h: sha,
        t: at(f.received),
        r: n === 1 && f.reusedFrom !== null ? allCodes[f.reusedFrom]! : null,
      });
    if (f.resultDigital)
      batch.results.push({
        a: id,
        c: `${code}-KQ1`,
        st: f.year >= 2023 ? 'signed' : 'scanned',
        h: sha,
        t: at(f.end),
      });
    if (f.rated !== null && f.level !== null)
      batch.ratings.push({
        a: id,
        u: unitId,
        src: f.returnChannel === 'counter' ? 'kiosk' : f.returnChannel === 'online' ? 'portal' : 'link',
        lv: f.level,
        t: at(f.rated),
      });
    if (batch.applications.length >= batchSize) {
      yield batch;
      batch = { applications: [], events: [], documents: [], results: [], ratings: [] };
    }
  }
  if (batch.applications.length > 0) yield batch;
}

/** The event stream of one file (workflow/transitions.ts), at its planned moments, in order. */
function eventsOf(f: FilePlan, id: string, at: (p: number) => string, W: number): EventRow[] {
  const out: EventRow[] = [];
  let last = f.received;
  const add = (p: number, x: string, from: string | null, to: string, payload: EventRow['p'] = null) => {
    last = Math.max(last, p);
    out.push({ a: id, s: out.length + 1, t: at(last), x, f: from, o: to, p: payload });
  };
  const next = f.pauses[0]?.[0] ?? f.apology ?? f.end;
  const gap = Math.max(0, next - f.received);
  add(f.received, 'receive', f.channel === 2 ? 'submitted' : null, 'received');
  add(f.received + Math.min(15, Math.floor(gap * 0.1)), 'transfer', 'received', 'transferred');
  add(f.received + Math.min(W, Math.floor(gap * 0.3)), 'assign', 'transferred', 'processing');
  for (const [asked, answered] of f.pauses) {
    add(asked, 'request_supplement', 'processing', 'supplement_requested');
    add(answered, 'supplement_received', 'supplement_requested', 'processing');
  }
  if (f.apology !== null)
    add(f.apology, 'issue_apology', 'processing', 'processing', { newAppointment: at(f.due) });
  if (f.outcome === 'refused') add(f.end, 'refuse', 'processing', 'refused');
  else if (f.outcome === 'withdrawn') add(f.end, 'withdraw', 'processing', 'withdrawn');
  else {
    add(
      f.end - Math.min(W, Math.floor((f.end - last) * 0.2)),
      'submit_for_approval',
      'processing',
      'awaiting_approval',
    );
    add(f.end, 'approve', 'awaiting_approval', 'result_ready');
    add(f.returned!, 'return_result', 'result_ready', 'returned', { channel: f.returnChannel! });
  }
  return out;
}
