import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CitizensTable } from '../../db/schema-citizens.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type CitizenRow = Selectable<CitizensTable>;

/** SQL of citizen accounts, their sessions, one-time codes and OIDC sign-ins in progress. */
export const citizensRepository = {
  async byContact(db: Db, contact: { email?: string; phone?: string }) {
    if (contact.email)
      return db.selectFrom('citizens').selectAll().where('email', '=', contact.email).executeTakeFirst();
    if (contact.phone)
      return db.selectFrom('citizens').selectAll().where('phone', '=', contact.phone).executeTakeFirst();
    return undefined;
  },

  async bySubject(db: Db, issuer: string, subject: string) {
    return db
      .selectFrom('citizens')
      .selectAll()
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', subject)
      .executeTakeFirst();
  },

  async insert(db: Db, row: Omit<CitizenRow, 'id' | 'created_at' | 'last_sign_in_at'>) {
    return db.insertInto('citizens').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async touch(db: Db, id: string, at: Date) {
    await db.updateTable('citizens').set({ last_sign_in_at: at }).where('id', '=', id).execute();
  },

  /** Codes sent to a destination since `since` (throttling). */
  async codesSince(db: Db, destination: string, since: Date): Promise<number> {
    const row = await db
      .selectFrom('citizen_codes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('destination', '=', destination)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertCode(db: Db, code: { id: string; destination: string; code_hash: string; expires_at: Date }) {
    await db.insertInto('citizen_codes').values(code).execute();
  },

  /** The newest code of a destination still usable, locked: two tries at once count as two. */
  async liveCode(trx: Transaction<Database>, destination: string, at: Date) {
    return trx
      .selectFrom('citizen_codes')
      .selectAll()
      .where('destination', '=', destination)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
  },

  async countAttempt(trx: Transaction<Database>, id: string) {
    await trx
      .updateTable('citizen_codes')
      .set({ attempts: sql`attempts + 1` })
      .where('id', '=', id)
      .execute();
  },

  async useCode(trx: Transaction<Database>, id: string, at: Date) {
    await trx.updateTable('citizen_codes').set({ used_at: at }).where('id', '=', id).execute();
  },

  async insertSession(
    db: Db,
    session: { id_hash: string; citizen_id: string; csrf_token: string; expires_at: Date },
  ) {
    await db.insertInto('citizen_sessions').values(session).execute();
  },

  async session(db: Db, idHash: string, at: Date) {
    return db
      .selectFrom('citizen_sessions')
      .innerJoin('citizens', 'citizens.id', 'citizen_sessions.citizen_id')
      .select([
        'citizens.id',
        'citizens.full_name',
        'citizens.email',
        'citizens.phone',
        'citizens.oidc_issuer',
        'citizen_sessions.csrf_token',
      ])
      .where('citizen_sessions.id_hash', '=', idHash)
      .where('citizen_sessions.expires_at', '>', at)
      .executeTakeFirst();
  },

  async deleteSession(db: Db, idHash: string) {
    await db.deleteFrom('citizen_sessions').where('id_hash', '=', idHash).execute();
  },

  async saveOidcState(
    db: Db,
    state: { state: string; nonce: string; code_verifier: string; expires_at: Date },
  ) {
    await db.insertInto('citizen_oidc_states').values(state).execute();
  },

  /** The sign-in in progress for `state`, removed as it is read: a callback is used once. */
  async takeOidcState(db: Db, state: string, at: Date) {
    return db
      .deleteFrom('citizen_oidc_states')
      .where('state', '=', state)
      .where('expires_at', '>', at)
      .returningAll()
      .executeTakeFirst();
  },

  /** A citizen's own files, newest first. */
  async applicationsOf(db: Db, citizenId: string) {
    return db
      .selectFrom('applications')
      .selectAll()
      .where('citizen_id', '=', citizenId)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
  },

  async purge(db: Db, at: Date) {
    await db.deleteFrom('citizen_sessions').where('expires_at', '<=', at).execute();
    await db
      .deleteFrom('citizen_codes')
      .where('expires_at', '<=', new Date(at.getTime() - 86_400_000))
      .execute();
    await db.deleteFrom('citizen_oidc_states').where('expires_at', '<=', at).execute();
  },
};
