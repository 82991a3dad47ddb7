import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { runMaintenance } from './db/maintenance.ts';
import { migrate } from './db/migrate.ts';
import { openStore, type Store } from './db/store.ts';
import { buildServer } from './http/server.ts';
import { createAppRoutes } from './routes.ts';
import { createJobRunner, defaultWorkerId } from './jobs/runner.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createApplicationsService } from './modules/applications/applications.service.ts';
import { procedureLookup } from './modules/applications/procedure-lookup.ts';
import { createPublicLookup } from './modules/applications/public-lookup.ts';
import { createCalendarService } from './modules/calendar/calendar.service.ts';
import { createDeadlines } from './modules/calendar/deadlines.ts';
import { createProceduresService } from './modules/procedures/procedures.service.ts';
import { createUnitsService } from './modules/units/units.service.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { scheduleReminders } from './modules/notifications/reminders.ts';
import { ensureDigests } from './modules/notifications/digest.ts';
import { notificationJobHandlers } from './modules/notifications/notification-jobs.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { defaultFilesRoot, localFileStore, type FileStore } from './modules/files/file-store.ts';
import { s3FileStore } from './modules/files/s3-file-store.ts';
import { createRecordsService } from './modules/records/records.service.ts';
import { createDigitizationReports } from './modules/records/digitization-report.ts';
import { createResultsService } from './modules/results/results.service.ts';
import { createKeysService } from './modules/signing/keys.service.ts';
import { createOutgoingService } from './modules/signing/outgoing.service.ts';
import { createVerification } from './modules/signing/verification.ts';
import type { Channel } from './modules/delivery/channels.ts';
import { citizenNotifyHandler, scheduleCitizenNotices } from './modules/delivery/citizen-notices.ts';
import { createSmsWebhookChannel } from './modules/delivery/sms-webhook-channel.ts';
import { createSmtpChannel } from './modules/delivery/smtp-channel.ts';
import { createCitizensService } from './modules/citizens/citizens.service.ts';
import { createChanges } from './modules/applications/changes.ts';
import { createOnlineForms } from './modules/online/online-forms.ts';
import { createOnlineService } from './modules/online/online.service.ts';
import { createCitizenViews } from './modules/online/online-views.ts';
import { createRatingsService } from './modules/ratings/ratings.service.ts';
import { createReportsService } from './modules/reports/reports.service.ts';
import { createIndexService } from './modules/reports/index.service.ts';
import { createReportFiles } from './modules/reports/report-files.ts';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** What tests may replace: the clock the application workflow reads (deadlines, apologies). */
export interface AppOptions {
  clock?: () => Date;
  /** Where uploads and signed results go; by default the S3 store when configured, else `<dataDir>/files`. */
  files?: FileStore;
  /** Where sign-in codes go without an e-mail/SMS channel (development: the log; tests: a list). */
  devMailbox?: (destination: string, code: string) => void;
}

export const fileStoreOf = (config: Config): FileStore =>
  config.s3 ? s3FileStore(config.s3) : localFileStore(defaultFilesRoot(config.dataDir ?? 'data'));

export function createServices(store: Store, config: Config, options: AppOptions = {}) {
  const db = store.db;
  const auth = createAuthService({ db, settings: config });
  const units = createUnitsService({ db });
  const users = createUsersService({ db, units });
  const audit = createAuditService({ db, units });
  const procedures = createProceduresService({ db });
  const catalog = procedureLookup(procedures);
  const calendar = createCalendarService({ db, procedures: catalog, units });
  const deadlines = createDeadlines(calendar.current);
  const applications = createApplicationsService({
    db,
    units,
    procedures: catalog,
    deadlines,
    // Reminders to the assignee follow every change of appointment or assignee, in the same transaction.
    onDeadline: async (trx, app) => {
      await scheduleReminders(trx, app);
    },
    // The citizen hears of each step by e-mail and SMS when those are configured, through the outbox.
    onStep: async (trx, step) => {
      await scheduleCitizenNotices(trx, step, config.delivery?.channels ?? [], step.at);
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const channels: Partial<Record<'email' | 'sms', Channel & { close?: () => void }>> = {};
  if (config.delivery?.email) channels.email = createSmtpChannel(config.delivery.email);
  if (config.delivery?.sms) channels.sms = createSmsWebhookChannel(config.delivery.sms);
  const citizens = createCitizensService({
    db,
    channels,
    devMailbox: options.devMailbox,
    sessionHours: config.sessionHours,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const files = options.files ?? fileStoreOf(config);
  const maxUploadBytes = config.maxUploadMb * 1024 * 1024;
  const clock = options.clock ? { clock: options.clock } : {};
  const records = createRecordsService({ db, files, applications, maxUploadBytes, ...clock });
  const keys = createKeysService({ db, units, files });
  const results = createResultsService({
    db,
    files,
    applications,
    units,
    procedures: catalog,
    keys,
    maxUploadBytes,
    ...clock,
  });
  const outgoing = createOutgoingService({ db, units, files, maxUploadBytes, ...clock });
  const verification = createVerification({ trustedRoots: keys.trustedRoots, maxBytes: maxUploadBytes });
  const digitization = createDigitizationReports({ db, units });
  const publicLookup = createPublicLookup({ db, procedures: catalog, results: results.publicList });
  const notifications = createNotificationsService({ db });
  const onlineForms = createOnlineForms({ db });
  const online = createOnlineService({
    db,
    files,
    forms: onlineForms,
    procedures,
    units,
    applications,
    changes: createChanges({ procedures: catalog, deadlines }),
    maxUploadBytes,
    ...clock,
  });
  const citizenViews = createCitizenViews({
    db,
    files,
    procedures: catalog,
    units,
    results,
    publicUrl: config.publicUrl ?? '',
  });
  const ratings = createRatingsService({
    db,
    units,
    procedures: catalog,
    findPublic: publicLookup.find,
    ...clock,
  });
  const reports = createReportsService({ db, units, ...clock });
  const serviceIndex = createIndexService({ db, units, reports, ...clock });
  const reportFiles = createReportFiles({ reports, index: serviceIndex, units, ...clock });
  return {
    reportFiles,
    reports,
    serviceIndex,
    channels,
    citizens,
    online,
    onlineForms,
    citizenViews,
    oidc: config.oidc,
    /** The clock of the workflow, for routes that compute dates themselves (the public procedure page). */
    clock: options.clock ?? (() => new Date()),
    files,
    maxUploadBytes,
    records,
    keys,
    results,
    outgoing,
    verification,
    digitization,
    auth,
    units,
    users,
    audit,
    procedures,
    catalog,
    calendar,
    applications,
    publicLookup,
    notifications,
    ratings,
  };
}
export type Services = ReturnType<typeof createServices>;

/** The composition root: the only place that wires store, services, HTTP and schedules together. */
export async function createApp(
  config: Config,
  logger: Logger,
  existingStore?: Store,
  options: AppOptions = {},
) {
  const store =
    existingStore ??
    (await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      maxWalSizeMb: config.maxWalMb,
    }));
  await migrate(store.db, (name) => logger.info({ migration: name }, 'migration applied'));
  const services = createServices(store, config, {
    ...options,
    // Without e-mail or SMS, a development server prints sign-in codes in its log; production never does.
    ...(options.devMailbox || config.production
      ? {}
      : {
          devMailbox: (to: string, code: string) =>
            logger.warn(
              { to: to.replace(/.(?=.{4})/g, '•'), code },
              'citizen sign-in code (development: no e-mail/SMS configured)',
            ),
        }),
  });
  const channels = services.channels;
  if (config.delivery?.channels.length)
    logger.info({ channels: config.delivery.channels }, 'citizen messages by e-mail/SMS enabled');
  // Side effects run through the outbox (ADR 0004); job kinds arrive with the features that need them.
  const jobRunner = createJobRunner({
    db: store.db,
    handlers: {
      ...notificationJobHandlers({
        db: store.db,
        currentCalendar: services.calendar.current,
        units: services.units,
        // Staff reminders are e-mailed too when e-mail is configured (links into the staff app).
        channels,
        publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
      }),
      'citizen.notify': citizenNotifyHandler({
        db: store.db,
        channels,
        procedures: services.catalog,
        units: services.units,
        publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
      }),
    },
    workerId: defaultWorkerId(),
    logger: logger.child({ component: 'jobs' }),
  });
  const server = await buildServer({
    logger,
    auth: services.auth,
    citizens: services.citizens.authenticate,
    trustProxy: config.trustProxy,
    webRoot: WEB_ROOT,
    routes: createAppRoutes(store, services, config.production, config.publicUrl),
  });

  const timers: NodeJS.Timeout[] = [];
  const every = (minutes: number, task: () => Promise<void>, name: string) => {
    const timer = setInterval(() => {
      task().catch((error: unknown) => logger.error({ err: error }, `${name} failed`));
    }, minutes * 60_000);
    timer.unref();
    timers.push(timer);
  };
  // Every unit answerable for open files has its daily overdue digest chain (idempotent by job id).
  const digests = async () => {
    await ensureDigests(store.db, await services.calendar.current(), new Date());
  };
  await digests().catch((error: unknown) => logger.error({ err: error }, 'overdue digests not scheduled'));
  every(60, digests, 'overdue digest scheduling');
  every(15, () => services.auth.purgeExpired(), 'session purge');
  every(15, () => services.citizens.purge(), 'citizen session purge');
  if (store.kind === 'pglite' && config.maintenanceMinutes > 0) {
    every(config.maintenanceMinutes, () => runMaintenance(store.db), 'store maintenance');
  }

  jobRunner.start();

  return {
    store,
    services,
    server,
    jobRunner,
    async close() {
      timers.forEach(clearInterval);
      await server.close();
      await jobRunner.stop();
      channels.email?.close?.();
      if (!existingStore) await store.close();
    },
  };
}
export type App = Awaited<ReturnType<typeof createApp>>;
