import type { Kysely, Transaction } from 'kysely';
import type { CalendarYearBody, DueDateQuery } from '@motcua/contracts/calendar';
import { buildCalendar, type Calendar } from '@motcua/domain/calendar/calendar';
import { validateCalendarYear } from '@motcua/domain/calendar/calendar-year';
import { SHIPPED_CALENDAR_YEARS } from '@motcua/domain/calendar/data/years';
import { fail, text } from '@motcua/domain/errors';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, type Actor } from '../actor.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import type { UnitsService } from '../units/units.service.ts';
import { ttlCache } from '../../cache.ts';
import { calendarRepository as repo } from './calendar.repository.ts';
import { dueFor } from './deadlines.ts';

/** The calendar in force, read through `db`: pass a transaction to read it inside one (PGlite has one connection). */
export async function loadCalendar(db: Kysely<Database> | Transaction<Database>): Promise<Calendar> {
  return buildCalendar([...SHIPPED_CALENDAR_YEARS, ...(await repo.edited(db))]);
}

export const CALENDAR_TTL_MS = 10_000;

export function createCalendarService(deps: {
  db: Kysely<Database>;
  procedures: ProcedureLookup;
  units: UnitsService;
}) {
  const { db, procedures, units } = deps;

  /** Every due date needs it: kept CALENDAR_TTL_MS (cache.ts); an edit through this process applies at once. */
  const cache = ttlCache(() => loadCalendar(db), CALENDAR_TTL_MS);
  const current = (): Promise<Calendar> => cache.get(undefined);

  async function year(y: number) {
    const edited = (await repo.edited(db)).find((c) => c.year === y);
    if (edited) return { calendar: edited, origin: 'edited' as const };
    const shipped = SHIPPED_CALENDAR_YEARS.find((c) => c.year === y);
    if (!shipped) fail({ kind: 'NotFound', entity: 'calendar year', id: String(y) });
    return { calendar: shipped, origin: 'shipped' as const };
  }

  async function saveYear(actor: Actor, y: number, body: CalendarYearBody) {
    // The calendar is national (the Prime Minister's schedule): only an administrator of the whole tree edits it.
    const roots = (await units.loadTree()).units.filter((u) => u.parentId === null);
    for (const root of roots) await units.authorize(actor.grants, 'calendar.manage', root.id);
    if (body.year !== y)
      fail({
        kind: 'Invalid',
        field: '/body/year',
        detail: text('Năm trong dữ liệu khác năm trên địa chỉ', 'The year in the body differs from the path'),
      });
    const problems = validateCalendarYear(body);
    if (problems.length > 0) {
      const first = problems[0]!;
      fail({ kind: 'Invalid', field: `/body${first.date ? `/${first.date}` : ''}`, detail: first.detail });
    }
    await db
      .transaction()
      .execute(async (trx) => {
        await repo.save(trx, body, actor.userId);
        await appendAudit(trx, {
          ...byActor(actor),
          action: 'calendar.year_saved',
          targetType: 'calendar_year',
          targetId: String(y),
          details: { daysOff: body.daysOff.length, makeUp: body.makeUpWorkingDays.length },
        });
      })
      .finally(() => cache.invalidate());
    return { calendar: body, origin: 'edited' as const };
  }

  /** "If you file now, your result is due on …" — the public due-date calculator. */
  async function dueDate(query: DueDateQuery) {
    let time = query.amount !== undefined && query.unit ? { amount: query.amount, unit: query.unit } : null;
    let cutoffHour: number | null = null;
    if (query.procedure) {
      const procedure = await procedures.find(query.procedure);
      if (!procedure)
        fail({
          kind: 'Invalid',
          field: '/querystring/procedure',
          detail: text('Không có thủ tục này', 'No such procedure'),
        });
      time ??= procedure.time;
      cutoffHour = procedure.cutoffHour;
    }
    if (!time)
      fail({
        kind: 'Invalid',
        field: '/querystring/amount',
        detail: text(
          'Cần thời hạn (amount và unit) hoặc mã thủ tục có thời hạn',
          'Give amount and unit, or a procedure that has a time limit',
        ),
      });
    const due = dueFor(await current(), new Date(query.receivedAt), time, cutoffHour);
    return { dueAt: new Date(due.dueAt).toISOString(), dueDate: due.dueDate };
  }

  return { current, year, saveYear, dueDate };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
