import type { LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../src/config.ts';
import { localFileStore } from '../src/modules/files/file-store.ts';
import { createApp, type App, type AppOptions } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { seedDemoUsers, seedUnits } from '../src/modules/seed/seed.service.ts';
import { unitsRepository, type UnitRow } from '../src/modules/units/units.repository.ts';
import { seedProcedureCatalog } from '../src/modules/procedures/procedures.seed.ts';
import { seedOnlineForms } from '../src/modules/online/online-forms.ts';
import type { Role } from '@motcua/domain/permissions/roles';
import { createTestStore } from './store.ts';

export const DEMO_PASSWORD = 'test-demo-password';

export interface TestApp {
  app: App;
  config: Config;
  units: UnitRow[];
  unit: (code: string, validFrom?: string | null) => UnitRow;
  login(username: string, password?: string): Promise<Session>;
  /** The folder of the test's file store (uploads, signed results). */
  filesRoot: string;
  dispose(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** The whole app on a fresh store with the Lâm Đồng units and the demo users, driven by fastify.inject. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const { store, dispose } = await createTestStore();
  // Uploads and signed results of a test never land in the working copy's data folder.
  const filesRoot = mkdtempSync(path.join(tmpdir(), 'motcua-files-'));
  const config = { ...loadConfig({}), maintenanceMinutes: 0, ...overrides };
  const app = await createApp(config, createLogger('silent'), store, {
    files: localFileStore(filesRoot),
    ...options,
  });
  await seedUnits(store.db);
  await seedProcedureCatalog(store.db);
  await seedOnlineForms(store.db);
  await seedDemoUsers(store.db, DEMO_PASSWORD);
  app.services.units.invalidate();
  app.services.procedures.invalidate();
  const units = await unitsRepository.listAll(store.db);

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const response = await app.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'motcua_session')!;
    const { csrfToken } = response.json<{ csrfToken: string }>();
    return {
      cookie: `${cookie.name}=${cookie.value}`,
      csrfToken,
      request: (method, url, body, headers = {}) =>
        app.server.inject({
          method: method as 'GET',
          url,
          ...(body === undefined ? {} : { payload: body as object }),
          headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': csrfToken, ...headers },
        }),
    };
  }

  return {
    app,
    config,
    units,
    unit(code, validFrom) {
      const found = units.find(
        (u) => u.code === code && (validFrom === undefined || u.validFrom === validFrom),
      );
      if (!found) throw new Error(`no unit ${code}`);
      return found;
    },
    login,
    filesRoot,
    async dispose() {
      await app.close();
      await dispose();
      rmSync(filesRoot, { recursive: true, force: true });
    },
  };
}

/** The demo desk of xã Đinh Văn Lâm Hà: its three officers signed in, and the ids the workflow needs. */
export async function deskOfficers(t: TestApp) {
  const desk = await t.login('motcua');
  const specialist = await t.login('chuyenvien');
  const leader = await t.login('lanhdao');
  return {
    desk,
    specialist,
    leader,
    pascId: t.units.find((u) => u.kind === 'pasc' && u.name.endsWith('Đinh Văn Lâm Hà'))!.id,
    communeId: t.unit('24871', '2025-07-01').id,
    specialistId: (await specialist.request('GET', '/api/auth/me')).json<{ user: { id: string } }>().user.id,
  };
}

const USER_PASSWORD = 'test-user-password';

/** A user with one role at one unit, created as the CLI's admin creates users, and signed in. */
export async function userWithRole(
  t: TestApp,
  username: string,
  role: Role,
  unitId: string,
  fullName = 'Cán Bộ Thử Nghiệm',
): Promise<Session> {
  const root = t.unit('VN').id;
  await t.app.services.users.create(
    {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'cli',
      unitId: root,
      provinceCode: '00',
      grants: [{ role: 'admin', unitId: root }],
      requestId: 'test',
      via: 'cli',
    },
    { username, fullName, unitId, password: USER_PASSWORD, roles: [{ role, unitId }] },
  );
  return t.login(username, USER_PASSWORD);
}

/** A receptionist of another commune (xã 24868), signed in: someone who must not see this desk's files. */
export async function strangerDesk(t: TestApp, username: string): Promise<Session> {
  return userWithRole(t, username, 'receptionist', t.unit('24868', '2025-07-01').id, 'Cán Bộ Nam Ban');
}

/** A counter intake of "Đăng ký nhận cha, mẹ, con" (3 working days) at `receivingUnitId`, one document. */
export function counterFile(receivingUnitId: string, overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.001022',
    receivingUnitId,
    channel: 'counter',
    applicant: { kind: 'person', fullName: 'Trần Văn Bình', address: 'Thôn 2, xã Đinh Văn Lâm Hà' },
    documents: [{ name: 'Tờ khai', copyType: 'original', quantity: 1 }],
    returnChannel: 'counter',
    ...overrides,
  };
}
