import type { Kysely, Transaction } from 'kysely';
import type { CalendarYear } from '@motcua/domain/calendar/calendar-year';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const calendarRepository = {
  async edited(db: Db): Promise<CalendarYear[]> {
    const rows = await db.selectFrom('calendar_years').select('data').orderBy('year').execute();
    return rows.map((r) => r.data as CalendarYear);
  },

  async save(db: Db, year: CalendarYear, userId: string): Promise<void> {
    await db
      .insertInto('calendar_years')
      .values({ year: year.year, data: JSON.stringify(year), updated_by: userId })
      .onConflict((oc) =>
        oc
          .column('year')
          .doUpdateSet({ data: JSON.stringify(year), updated_by: userId, updated_at: new Date() }),
      )
      .execute();
  },
};
