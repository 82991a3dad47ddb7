import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { ApplicationEventsTable, ApplicationsTable, Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type EventRow = Selectable<ApplicationEventsTable>;
/** The columns an action may change (identity, applicant and history are fixed at intake). */
export type ApplicationPatch = Partial<
  Pick<
    ApplicationRow,
    | 'state'
    | 'portal_status'
    | 'deciding_unit_id'
    | 'assignee_id'
    | 'due_at'
    | 'supplement_requests'
    | 'pre_receipt_supplements'
    | 'apologies'
    | 'counts_late'
    | 'processed_at'
    | 'returned_at'
    | 'finished_at'
    | 'received_at'
    | 'return_channel'
    | 'step_due_at'
    | 'original_due_at'
  >
> & { postal?: unknown; documents?: unknown };

export interface NewEvent {
  provinceCode: string;
  applicationId: string;
  at: Date;
  actorId: string | null;
  actorUnitId: string | null;
  action: string;
  fromState: string | null;
  toState: string;
  payload: Record<string, unknown>;
  legalBasis: string | null;
}

export const applicationsRepository = {
  /** The next number of the day for a receiving unit; the row lock serialises concurrent intakes. */
  async nextSequence(
    trx: Transaction<Database>,
    provinceCode: string,
    unitId: string,
    day: string,
  ): Promise<number> {
    const row = await trx
      .insertInto('code_sequences')
      .values({ province_code: provinceCode, unit_id: unitId, day, last: 1 })
      .onConflict((oc) =>
        oc.columns(['province_code', 'unit_id', 'day']).doUpdateSet({ last: sql`code_sequences.last + 1` }),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return row.last;
  },

  async insert(
    trx: Transaction<Database>,
    row: Omit<
      ApplicationRow,
      | 'id'
      | 'version'
      | 'created_at'
      | 'updated_at'
      | 'supplement_requests'
      | 'pre_receipt_supplements'
      | 'apologies'
      | 'counts_late'
      | 'applicant'
      | 'documents'
      | 'postal'
      | 'form_data'
    > & {
      applicant: unknown;
      documents: unknown;
      postal: unknown;
      pre_receipt_supplements?: number;
      form_data?: unknown;
    },
  ): Promise<ApplicationRow> {
    return trx
      .insertInto('applications')
      .values({
        ...row,
        applicant: JSON.stringify(row.applicant),
        documents: JSON.stringify(row.documents),
        postal: row.postal === null ? null : JSON.stringify(row.postal),
        form_data: row.form_data === undefined ? null : JSON.stringify(row.form_data),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async find(db: Db, id: string): Promise<ApplicationRow | undefined> {
    return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * The public lookup in one round trip: the address's recent misses, the file by code and its steps. JSON
   * carries the times as text; the caller turns them back into dates.
   */
  async publicView(db: Db, code: string, throttleKey: string, since: Date) {
    return db
      .selectNoFrom((eb) => [
        jsonObjectFrom(
          eb
            .selectFrom('login_failures')
            .select((f) => [f.fn.countAll<string>().as('n'), f.fn.min('at').as('oldest')])
            .where('key', '=', throttleKey)
            .where('at', '>', since),
        ).as('misses'),
        jsonObjectFrom(
          eb
            .selectFrom('applications')
            .select([
              'province_code',
              'id',
              'code',
              'lookup_key',
              'procedure_code',
              'applicant',
              'portal_status',
              'state',
              'received_at',
              'due_at',
              'finished_at',
            ])
            .where('code', '=', code)
            .limit(1),
        ).as('app'),
        jsonArrayFrom(
          eb
            .selectFrom('application_events as e')
            .innerJoin('applications as a', (join) =>
              join.onRef('a.province_code', '=', 'e.province_code').onRef('a.id', '=', 'e.application_id'),
            )
            .select(['e.at', 'e.action', 'e.to_state'])
            .where('a.code', '=', code)
            .orderBy('e.seq'),
        ).as('events'),
      ])
      .executeTakeFirstOrThrow();
  },

  /** Applies a change only if nobody changed the application since `version` was read. */
  async update(
    trx: Transaction<Database>,
    row: ApplicationRow,
    version: number,
    patch: ApplicationPatch,
    at: Date,
  ): Promise<ApplicationRow | undefined> {
    const { postal, documents, ...rest } = patch;
    return trx
      .updateTable('applications')
      .set({
        ...rest,
        ...(postal !== undefined ? { postal: JSON.stringify(postal) } : {}),
        // An online supplement adds the documents asked for; the code and the rest stay (Decree 45/2020 art. 12).
        ...(documents !== undefined ? { documents: JSON.stringify(documents) } : {}),
        version: version + 1,
        // The start of the new state: a supplement pause is measured from here (effects.ts).
        updated_at: at,
      })
      .where('province_code', '=', row.province_code)
      .where('id', '=', row.id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  /** Appends the next event of the file in one statement (the caller holds the file's row lock or created it). */
  async appendEvent(trx: Transaction<Database>, event: NewEvent): Promise<EventRow> {
    const result = await sql<EventRow>`
      INSERT INTO application_events
        (province_code, application_id, seq, at, actor_id, actor_unit_id, action, from_state, to_state, payload, legal_basis)
      SELECT ${event.provinceCode}::text, ${event.applicationId}::uuid, coalesce(max(seq), 0) + 1,
        ${event.at}::timestamptz, ${event.actorId}::uuid, ${event.actorUnitId}::uuid, ${event.action}::text,
        ${event.fromState}::text, ${event.toState}::text, ${JSON.stringify(event.payload)}::jsonb,
        ${event.legalBasis}::text
      FROM application_events
      WHERE province_code = ${event.provinceCode} AND application_id = ${event.applicationId}::uuid
      RETURNING *`.execute(trx);
    return result.rows[0]!;
  },

  async events(db: Db, provinceCode: string, applicationId: string) {
    return db
      .selectFrom('application_events')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .orderBy('seq')
      .execute();
  },

  async findIdempotent(db: Db, provinceCode: string, userId: string, key: string) {
    return db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
  },

  async saveIdempotent(
    trx: Transaction<Database>,
    row: { provinceCode: string; userId: string; key: string; requestHash: string; applicationId: string },
  ) {
    await trx
      .insertInto('idempotency_keys')
      .values({
        province_code: row.provinceCode,
        user_id: row.userId,
        key: row.key,
        request_hash: row.requestHash,
        application_id: row.applicationId,
      })
      .execute();
  },

  /** Work queue of a unit: open files received or decided there, soonest due first. */
  /** Active officers holding one of `roles` at one of `unitIds` (the path to a unit): candidates to act on it. */
  async staffAt(db: Db, unitIds: string[], roles: string[]) {
    if (unitIds.length === 0) return [];
    return db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['users.id', 'users.full_name', 'user_roles.role', 'user_roles.unit_id'])
      .where('users.active', '=', true)
      .where('user_roles.unit_id', 'in', unitIds)
      .where('user_roles.role', 'in', roles)
      .orderBy('users.full_name')
      .execute();
  },

  /** Files received by `unitIds` in [from, to) — the register's rows, in order of receipt. */
  async receivedBetween(
    db: Db,
    provinceCode: string,
    unitIds: string[],
    from: Date,
    to: Date,
    limit: number,
  ) {
    return db
      .selectFrom('applications')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('receiving_unit_id', 'in', unitIds)
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .orderBy('received_at')
      .orderBy('code')
      .limit(limit)
      .execute();
  },

  async queue(
    db: Db,
    filter: {
      provinceCode: string;
      unitIds: string[];
      states?: string[];
      assigneeId?: string;
      /** 'postal': received by post, or the result goes back by post (the postal log). */
      channel?: 'counter' | 'postal';
      limit: number;
    },
  ) {
    let query = db
      .selectFrom('applications')
      .selectAll()
      .where('province_code', '=', filter.provinceCode)
      .where((eb) =>
        eb.or([eb('receiving_unit_id', 'in', filter.unitIds), eb('deciding_unit_id', 'in', filter.unitIds)]),
      )
      .orderBy(sql`due_at`, sql`asc nulls last`)
      .orderBy('code')
      .limit(filter.limit);
    if (filter.states?.length) query = query.where('state', 'in', filter.states);
    if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
    if (filter.channel === 'postal')
      query = query.where((eb) => eb.or([eb('channel', '=', 3), eb('return_channel', '=', 'post')]));
    if (filter.channel === 'counter') query = query.where('channel', '=', 1);
    return query.execute();
  },
};
