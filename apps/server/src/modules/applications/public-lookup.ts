import type { Kysely } from 'kysely';
import { normaliseLookupKey } from '@motcua/domain/codes/application-code';
import { fail } from '@motcua/domain/errors';
import { maskName } from '@motcua/domain/privacy/mask';
import { PORTAL_STATUS, PORTAL_STATUS_NAMES, type State } from '@motcua/domain/workflow/states';
import type { Database } from '../../db/schema.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { applicationsRepository as repo } from './applications.repository.ts';
import type { ProcedureLookup } from './ports.ts';

const WINDOW_MS = 15 * 60_000;
// Codes are sequential: the key on the slip is what stops enumeration, and wrong keys are throttled per address.
const MAX_MISSES = 30;

/** The public status page's data: code + key from the slip, nothing personal beyond a masked name. */
export function createPublicLookup(deps: {
  db: Kysely<Database>;
  procedures: ProcedureLookup;
  clock?: () => Date;
}) {
  const { db, procedures } = deps;
  const now = deps.clock ?? (() => new Date());

  return async function lookup(code: string, key: string, ip: string) {
    const at = now();
    const throttle = `lookup:${ip}`;
    const misses = (
      await authRepository.countRecentFailures(db, [throttle], new Date(at.getTime() - WINDOW_MS))
    ).get(throttle);
    if (misses && misses.count >= MAX_MISSES) {
      fail({
        kind: 'TooManyAttempts',
        retryAfterSeconds: Math.max(
          1,
          Math.ceil((misses.oldest.getTime() + WINDOW_MS - at.getTime()) / 1000),
        ),
      });
    }
    const row = await repo.findByCode(db, code.trim().toUpperCase());
    if (!row || normaliseLookupKey(key) !== row.lookup_key) {
      await authRepository.recordFailures(db, [throttle], at);
      // The same answer for an unknown code and a wrong key: nothing to learn by guessing.
      fail({ kind: 'NotFound', entity: 'application' });
    }
    const procedure = await procedures.find(row.procedure_code);
    const events = await repo.events(db, row.province_code, row.id);
    const applicant = row.applicant as { fullName?: string; organisationName?: string };
    return {
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: procedure?.name ?? row.procedure_code,
      applicantName: applicant.organisationName ?? maskName(applicant.fullName ?? ''),
      portalStatus: row.portal_status,
      status: PORTAL_STATUS_NAMES[PORTAL_STATUS[row.state as State]],
      receivedAt: row.received_at?.toISOString() ?? null,
      dueAt: row.due_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      // Internal notes stay internal; every step and the apology (a letter the applicant receives) are shown.
      steps: events
        .filter((e) => e.action !== 'add_note')
        .map((e) => ({
          at: e.at.toISOString(),
          action: e.action,
          status: PORTAL_STATUS_NAMES[PORTAL_STATUS[e.to_state as State]],
        })),
    };
  };
}
