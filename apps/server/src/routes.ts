import type { FastifyInstance } from 'fastify';
import type { Store } from './db/store.ts';
import type { Services } from './app.ts';
import { applicationsRoutes } from './modules/applications/applications.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { proceduresRoutes } from './modules/procedures/procedures.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { citizensRoutes } from './modules/citizens/citizens.routes.ts';
import { oidcRoutes } from './modules/citizens/oidc.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { recordsRoutes } from './modules/records/records.routes.ts';
import { resultsRoutes } from './modules/results/results.routes.ts';
import { signingRoutes } from './modules/signing/signing.routes.ts';
import { onlineRoutes } from './modules/online/online.routes.ts';
import { citizenPages } from './modules/portal/citizen/citizen.routes.ts';
import { ratingsRoutes } from './modules/ratings/ratings.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';

/** Every feature's routes, in one list (the OpenAPI document and the server use the same). */
export function createAppRoutes(
  store: Store,
  services: Services,
  secureCookies: boolean,
  publicUrl?: string,
) {
  return [
    healthRoutes(store),
    authRoutes(services.auth, { secureCookies }),
    unitsRoutes(services.units),
    usersRoutes(services.users),
    auditRoutes(services.audit),
    proceduresRoutes(services.procedures),
    calendarRoutes(services.calendar),
    portalRoutes({ procedures: services.procedures, calendar: services.calendar, clock: services.clock }),
    applicationsRoutes(services.applications, services.publicLookup, store.db, {
      publicUrl,
      register: { units: services.units, procedures: services.catalog },
    }),
    notificationsRoutes(services.notifications),
    recordsRoutes(
      services.records,
      services.digitization,
      (actor, row) => services.results.summaries(actor, row),
      services.maxUploadBytes,
    ),
    resultsRoutes(services.results, services.publicLookup.find, {
      publicUrl,
      maxUploadBytes: services.maxUploadBytes,
    }),
    citizensRoutes(services.citizens, { db: store.db, procedures: services.catalog, secureCookies }),
    oidcRoutes(services.citizens, {
      db: store.db,
      settings: services.oidc,
      secureCookies,
      clock: services.clock,
    }),
    citizenPages({
      citizens: services.citizens,
      online: services.online,
      views: services.citizenViews,
      oidcConfigured: services.oidc !== undefined,
      secureCookies,
      maxUploadBytes: services.maxUploadBytes,
      publicUrl,
      clock: services.clock,
    }),
    onlineRoutes(services.online, services.onlineForms, services.citizenViews, services.maxUploadBytes),
    signingRoutes(services.keys, services.verification, services.outgoing, services.maxUploadBytes),
    ratingsRoutes(services.ratings, { units: services.units, publicUrl }),
    reportsRoutes(services.reports, services.serviceIndex, services.reportFiles),
  ] as unknown as ((app: FastifyInstance) => Promise<void>)[];
}
