import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { createServices } from '../app.ts';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import { createLogger } from '../logger.ts';
import { createAppRoutes } from '../routes.ts';
import { buildServer } from './server.ts';

/**
 * The OpenAPI 3.1 document, built from the route schemas without opening a database (the pool never
 * connects). docs/openapi.json is this text; a test fails when the committed copy is stale.
 */
export async function openApiText(): Promise<string> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
  const store: Store = { kind: 'pglite', db, serverVersion: async () => 'n/a', close: () => db.destroy() };
  const services = createServices(store, {
    sessionHours: 8,
    loginMaxFailures: 5,
    loginWindowMinutes: 15,
  } as Config);
  const server = await buildServer({
    logger: createLogger('silent'),
    auth: services.auth,
    trustProxy: false,
    routes: createAppRoutes(store, services, false),
  });
  await server.ready();
  const text = `${JSON.stringify(server.swagger(), null, 2)}\n`;
  await server.close();
  await db.destroy();
  return text;
}
