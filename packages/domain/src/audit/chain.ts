/**
 * The audit trail is a hash chain per province: each record's hash covers its content and the previous
 * record's hash, so altering, deleting or reordering any record breaks every hash after it.
 * The hash function is passed in (the domain does no I/O and picks no crypto library).
 */
export interface AuditRecord {
  provinceCode: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorUnitId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
}

export type HashFn = (text: string) => string;

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON: object keys sorted, so the same record always hashes the same on any store. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function recordHash(record: Omit<AuditRecord, 'hash'> & { hash?: string }, hash: HashFn): string {
  const { prevHash, hash: _stored, ...content } = record;
  return hash(`${prevHash}\n${canonicalJson(content)}`);
}

export type ChainBreak =
  | { kind: 'gap'; provinceCode: string; expectedSeq: number; foundSeq: number }
  | { kind: 'link'; provinceCode: string; seq: number }
  | { kind: 'content'; provinceCode: string; seq: number }
  | { kind: 'head'; provinceCode: string; expectedSeq: number; foundSeq: number };

/**
 * Checks one province's records in seq order, continuing from `from` (the last verified record, or genesis).
 * `head` is the chain head stored separately: deleting the newest records is caught there.
 */
export function verifyChain(
  records: readonly AuditRecord[],
  hash: HashFn,
  from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): { ok: true; last: { seq: number; hash: string } } | { ok: false; error: ChainBreak } {
  let last = from;
  for (const record of records) {
    if (record.seq !== last.seq + 1) {
      return {
        ok: false,
        error: {
          kind: 'gap',
          provinceCode: record.provinceCode,
          expectedSeq: last.seq + 1,
          foundSeq: record.seq,
        },
      };
    }
    if (record.prevHash !== last.hash) {
      return { ok: false, error: { kind: 'link', provinceCode: record.provinceCode, seq: record.seq } };
    }
    if (recordHash(record, hash) !== record.hash) {
      return { ok: false, error: { kind: 'content', provinceCode: record.provinceCode, seq: record.seq } };
    }
    last = { seq: record.seq, hash: record.hash };
  }
  return { ok: true, last };
}
