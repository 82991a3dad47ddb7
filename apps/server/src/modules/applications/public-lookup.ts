import type { Kysely } from 'kysely';
import { normaliseLookupKey } from '@motcua/domain/codes/application-code';
import { fail } from '@motcua/domain/errors';
import { maskName } from '@motcua/domain/privacy/mask';
import { PORTAL_STATUS, PORTAL_STATUS_NAMES, type State } from '@motcua/domain/workflow/states';
import type { Database } from '../../db/schema.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { applicationsRepository as repo, type ApplicationRow } from './applications.repository.ts';
import type { ProcedureLookup } from './ports.ts';

const WINDOW_MS = 15 * 60_000;
/** A time read back from JSON (text) or from a column (Date), as ISO 8601 UTC. */
const isoOf = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
// Codes are sequential: the key on the slip is what stops enumeration, and wrong keys are throttled per address.
const MAX_MISSES = 30;
const INTERNAL = new Set([
  'add_note',
  'digitize_document',
  'reuse_document',
  'draft_result',
  'digitize_result',
]);

export interface PublicResult {
  n: number;
  resultCode: string;
  kind: string;
  title: string;
  sealedAt: string;
}

/** The public status page's data: code + key from the slip, nothing personal beyond a masked name. */
export function createPublicLookup(deps: {
  db: Kysely<Database>;
  procedures: ProcedureLookup;
  clock?: () => Date;
  /** The signed results the citizen may download, once the file is decided. */
  results?: (row: Pick<ApplicationRow, 'province_code' | 'id' | 'code' | 'state'>) => Promise<PublicResult[]>;
}) {
  const { db, procedures } = deps;
  const now = deps.clock ?? (() => new Date());

  /** The file behind a code and its key, or 404 (and a throttled miss) — the same for the status and the downloads. */
  async function find(code: string, key: string, ip: string) {
    const at = now();
    const throttle = `lookup:${ip}`;
    const found = await repo.publicView(
      db,
      code.trim().toUpperCase(),
      throttle,
      new Date(at.getTime() - WINDOW_MS),
    );
    const misses = found.misses;
    if (misses && Number(misses.n) >= MAX_MISSES && misses.oldest) {
      fail({
        kind: 'TooManyAttempts',
        retryAfterSeconds: Math.max(
          1,
          Math.ceil((new Date(misses.oldest).getTime() + WINDOW_MS - at.getTime()) / 1000),
        ),
      });
    }
    const row = found.app;
    if (!row || normaliseLookupKey(key) !== row.lookup_key) {
      await authRepository.recordFailures(db, [throttle], at);
      // The same answer for an unknown code and a wrong key: nothing to learn by guessing.
      fail({ kind: 'NotFound', entity: 'application' });
    }
    return { row, events: found.events };
  }

  async function lookup(code: string, key: string, ip: string) {
    const { row, events } = await find(code, key, ip);
    const procedure = await procedures.find(row.procedure_code);
    const applicant = row.applicant as { fullName?: string; organisationName?: string };
    return {
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: procedure?.name ?? row.procedure_code,
      applicantName: applicant.organisationName ?? maskName(applicant.fullName ?? ''),
      portalStatus: row.portal_status,
      status: PORTAL_STATUS_NAMES[PORTAL_STATUS[row.state as State]],
      receivedAt: isoOf(row.received_at),
      dueAt: isoOf(row.due_at),
      finishedAt: isoOf(row.finished_at),
      // Internal notes and document work stay internal; the steps and the apology (a letter the applicant
      // receives) are shown.
      steps: events
        .filter((e) => !INTERNAL.has(e.action))
        .map((e) => ({
          at: isoOf(e.at)!,
          action: e.action,
          status: PORTAL_STATUS_NAMES[PORTAL_STATUS[e.to_state as State]],
        })),
      results: deps.results ? await deps.results(row) : [],
    };
  }

  return Object.assign(lookup, {
    find: async (code: string, key: string, ip: string) => (await find(code, key, ip)).row,
  });
}
