import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { can, type Grant } from '@motcua/domain/permissions/access';
import { ROLES, type Permission, type Role } from '@motcua/domain/permissions/roles';
import { indexTree } from '@motcua/domain/units/tree';
import { createTestApp, type Session, type TestApp } from '../../test/app.ts';
import { storeLabel } from '../../test/store.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { aProcedure } from '../modules/procedures/procedures.builders.ts';
import { usersRepository } from '../modules/users/users.repository.ts';

/**
 * The permission matrix, role × unit × route, checked over HTTP against the pure rule `can()`
 * (architecture.md §4.8). Users are made for every role at a spread of units; fast-check picks the triples.
 */
interface Probe {
  name: string;
  permission: Permission;
  method: string;
  url: (target: string) => string;
  body?: (target: string, n: number) => unknown;
}

const PROBES: Probe[] = [
  { name: 'read a unit', permission: 'units.read', method: 'GET', url: (id) => `/api/units/${id}` },
  {
    name: 'change a unit',
    permission: 'units.manage',
    method: 'PATCH',
    url: (id) => `/api/units/${id}`,
    body: () => ({ source: 'matrix test' }),
  },
  {
    name: 'add a department to a unit',
    permission: 'units.manage',
    method: 'POST',
    url: () => '/api/units',
    body: (id, n) => ({ name: `Phòng thử ${n}`, kind: 'department', parentId: id }),
  },
  {
    name: 'add a user to a unit',
    permission: 'users.manage',
    method: 'POST',
    url: () => '/api/users',
    body: (id, n) => ({
      username: `matrix.${n}`,
      fullName: 'Người Thử',
      unitId: id,
      password: 'long-enough-password',
      roles: [{ role: 'specialist', unitId: id }],
    }),
  },
];

/** Routes every signed-in user may call on their own account only; checked by the auth tests. */
const SELF_ROUTES = [
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/tokens',
  'POST /api/tokens',
  'DELETE /api/tokens/{id}',
];
const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/procedures',
  'GET /api/procedures/fields',
  'GET /api/procedures/export',
  'GET /api/procedures/{code}',
  'GET /api/procedures/{code}/versions',
  'GET /api/calendar/due-date',
  'GET /api/calendar/years/{year}',
  'GET /api/public/applications/{code}',
  'GET /api/public/applications/{code}/results/{n}',
  'POST /api/documents/verify',
  'POST /api/citizen/codes',
  'POST /api/citizen/sessions',
  'GET /api/citizen/oidc/start',
  'GET /api/citizen/oidc/callback',
  'GET /api/ratings/{code}',
  'PUT /api/ratings/{code}',
  'GET /api/procedures/{code}/online-form',
];
/** The citizen portal's own session (a staff session does not open them): citizens.db.test.ts. */
const CITIZEN_ROUTES = [
  'GET /api/citizen/me',
  'POST /api/citizen/logout',
  'GET /api/citizen/applications',
  // Online filing, own files only (online.db.test.ts: another citizen gets 404).
  'POST /api/citizen/applications',
  'GET /api/citizen/applications/{id}',
  'POST /api/citizen/applications/{id}/supplement',
  'GET /api/citizen/applications/{id}/documents/{n}',
  'GET /api/citizen/applications/{id}/results/{n}',
];
/** The national calendar: edited by the system administrator only (calendar.db.test.ts). */
const ROOT_ROUTES = ['PUT /api/calendar/years/{year}'];
/** Receiving and acting on applications: role × unit × action checks in applications.db.test.ts. */
const APPLICATION_ROUTES = [
  'POST /api/applications',
  'GET /api/applications',
  'GET /api/applications/{id}',
  'POST /api/applications/{id}/actions',
  'GET /api/applications/{id}/assignees',
  'GET /api/applications/register.pdf',
  'GET /api/applications/{id}/receipt.pdf',
  'GET /api/applications/{id}/forms/supplement.pdf',
  'GET /api/applications/{id}/forms/refusal.pdf',
  'GET /api/applications/{id}/forms/apology.pdf',
  'GET /api/applications/{id}/forms/control-sheet.pdf',
];
/** Scans, reuse, results and signatures: who may, per unit, in records.routes.db.test.ts and results.db.test.ts. */
const RECORD_ROUTES = [
  'GET /api/applications/{id}/records',
  'POST /api/applications/{id}/documents/{position}/file',
  'GET /api/applications/{id}/documents/{position}/file',
  'GET /api/applications/{id}/reusable',
  'POST /api/applications/{id}/documents/{position}/reuse',
  'POST /api/applications/{id}/results',
  'PUT /api/applications/{id}/results/{n}',
  'POST /api/applications/{id}/results/scan',
  'GET /api/applications/{id}/results/{n}/file',
  'POST /api/applications/{id}/results/{n}/sign',
  'POST /api/applications/{id}/results/{n}/seal',
  'GET /api/reports/digitization',
  'GET /api/outgoing-documents',
  'POST /api/outgoing-documents',
  'GET /api/outgoing-documents/{id}/file',
  'GET /api/reports/signed-documents',
  'POST /api/signing-keys',
  'GET /api/signing-keys',
  'GET /api/trusted-roots',
  'POST /api/trusted-roots',
];
/** Satisfaction reports (leaders, IOC) and feedback (leaders), per unit: ratings.db.test.ts. */
const RATING_ROUTES = [
  'GET /api/reports/satisfaction',
  'GET /api/reports/indicator-5-4',
  'GET /api/reports/summary',
  'GET /api/reports/summary/applications',
  'GET /api/reports/index',
  'GET /api/reports/summary.xlsx',
  'GET /api/reports/summary.csv',
  'GET /api/reports/index.xlsx',
  'GET /api/reports/index.csv',
  'PUT /api/reports/index/entries',
  'GET /api/feedback',
  'POST /api/feedback/{id}/answer',
];
/** A user's own inbox: only their rows, another's id is 404 (notifications.db.test.ts). */
const NOTIFICATION_ROUTES = ['GET /api/notifications', 'POST /api/notifications/{id}/read'];
/** The national procedure catalogue: written with procedures.manage at the root of the unit tree only. */
const CATALOG_ROUTES = [
  'POST /api/procedures',
  'PUT /api/procedures/{code}',
  'POST /api/procedures/import',
  'PUT /api/procedures/{code}/online-form',
  'PUT /api/reports/index/settings',
];
const LIST_ROUTES = ['GET /api/units', 'GET /api/users', 'GET /api/audit', 'GET /api/audit/verify'];

describe(`permission matrix (${storeLabel})`, () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const grantUnits: string[] = [];
  let counter = 0;

  before(async () => {
    t = await createTestApp();
    const pick = (code: string, from?: string | null) => t.unit(code, from).id;
    const pasc = t.units.find((u) => u.kind === 'pasc' && u.name.endsWith('Đinh Văn Lâm Hà'))!.id;
    grantUnits.push(
      pick('VN'),
      pick('68'),
      pick('676'),
      pick('24871', null),
      pick('24871', '2025-07-01'),
      pick('24868', '2025-07-01'),
      pasc,
    );
    const passwordHash = await hashPassword('matrix-password');
    for (const role of ROLES) {
      for (const unitId of grantUnits) {
        const username = `m.${role}.${grantUnits.indexOf(unitId)}`;
        await usersRepository.insert(
          t.app.store.db,
          { username, fullName: username, unitId, passwordHash, isDemo: false, mustChangePassword: false },
          [{ role, unitId }],
        );
        sessions.set(`${role}@${unitId}`, await t.login(username, 'matrix-password'));
      }
    }
  });
  after(() => t.dispose());

  test('every API route is covered by the matrix, the self-service tests or is public', async () => {
    const spec = t.app.server.swagger() as { paths: Record<string, Record<string, unknown>> };
    const declared = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const probed = PROBES.map((p) => `${p.method} ${p.url('{id}').replace(/\/api\/units$/, '/api/units')}`);
    for (const route of declared) {
      assert.ok(
        [
          ...probed,
          ...SELF_ROUTES,
          ...PUBLIC_ROUTES,
          ...LIST_ROUTES,
          ...CATALOG_ROUTES,
          ...ROOT_ROUTES,
          ...APPLICATION_ROUTES,
          ...RECORD_ROUTES,
          ...CITIZEN_ROUTES,
          ...NOTIFICATION_ROUTES,
          ...RATING_ROUTES,
        ].includes(route),
        `route ${route} is not in the permission matrix`,
      );
    }
  });

  test('property: a write or read of a unit succeeds exactly when can() allows it', async () => {
    const tree = indexTree(t.units);
    const targets = t.units.map((u) => u.id);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...grantUnits),
        fc.constantFrom(...PROBES),
        fc.constantFrom(...targets),
        async (role, grantUnit, probe, target) => {
          const grants: Grant[] = [{ role, unitId: grantUnit }];
          const allowed = can(grants, probe.permission, tree.pathTo(target)!);
          counter += 1;
          const response = await sessions
            .get(`${role}@${grantUnit}`)!
            .request(probe.method, probe.url(target), probe.body?.(target, counter));
          if (allowed) {
            assert.ok(
              ![401, 403].includes(response.statusCode),
              `${role}@${grantUnit} ${probe.name} ${target}: ${response.statusCode} ${response.body}`,
            );
            assert.ok(response.statusCode < 500);
          } else {
            assert.equal(
              response.statusCode,
              403,
              `${role}@${grantUnit} ${probe.name} ${target}: expected 403, got ${response.statusCode}`,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('property: lists show exactly the units and users the role reaches', async () => {
    const tree = indexTree(t.units);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...grantUnits),
        async (role: Role, grantUnit) => {
          const grants: Grant[] = [{ role, unitId: grantUnit }];
          const session = sessions.get(`${role}@${grantUnit}`)!;
          const units = (await session.request('GET', '/api/units')).json().items as { id: string }[];
          const all = (await t.app.services.units.loadTree()).units;
          const expected = all
            .filter((u) => can(grants, 'units.read', indexTree(all).pathTo(u.id)!))
            .map((u) => u.id)
            .sort();
          assert.deepEqual(units.map((u) => u.id).sort(), expected);
          const users = await session.request('GET', '/api/users');
          if (role === 'admin' || role === 'leader') {
            assert.equal(users.statusCode, 200);
            for (const user of users.json().items as { unitId: string }[]) {
              assert.ok(
                can(grants, 'users.read', tree.pathTo(user.unitId) ?? indexTree(all).pathTo(user.unitId)!),
              );
            }
          } else {
            assert.equal(users.statusCode, 403);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  test('a receptionist of commune A can neither read nor change anything of commune B', async () => {
    const a = t.unit('24871', '2025-07-01');
    const b = t.unit('24868', '2025-07-01');
    const receptionist = sessions.get(`receptionist@${a.id}`)!;
    assert.equal((await receptionist.request('GET', `/api/units/${a.id}`)).statusCode, 200);
    assert.equal((await receptionist.request('GET', `/api/units/${b.id}`)).statusCode, 403);
    assert.equal(
      (await receptionist.request('PATCH', `/api/units/${b.id}`, { name: 'Đổi tên' })).statusCode,
      403,
    );
    assert.equal(
      (
        await receptionist.request('POST', '/api/units', {
          name: 'Phòng X',
          kind: 'department',
          parentId: b.id,
        })
      ).statusCode,
      403,
    );
    const listed = (await receptionist.request('GET', '/api/units')).json().items as { id: string }[];
    assert.ok(!listed.some((u) => u.id === b.id));
    assert.equal((await receptionist.request('GET', '/api/audit')).statusCode, 403);
  });

  test('only the system administrator verifies the whole audit chain', async () => {
    assert.equal(
      (await sessions.get(`admin@${t.unit('68').id}`)!.request('GET', '/api/audit/verify')).statusCode,
      403,
    );
    const result = await sessions.get(`admin@${t.unit('VN').id}`)!.request('GET', '/api/audit/verify');
    assert.equal(result.statusCode, 200);
    assert.equal(result.json().ok, true);
  });

  test('the national catalogue is written only with procedures.manage at the root of the unit tree', async () => {
    const root = t.unit('VN');
    const sheet = 'Mã TTHC\r\n';
    for (const role of ROLES) {
      for (const unitId of grantUnits) {
        const allowed = can([{ role, unitId }], 'procedures.manage', [{ id: root.id, kind: root.kind }]);
        const session = sessions.get(`${role}@${unitId}`)!;
        const { code, ...content } = aProcedure();
        const responses = [
          await session.request('POST', '/api/procedures', { code, ...content }),
          await session.request('PUT', `/api/procedures/${code}`, {
            ...content,
            timeText: '3 ngày làm việc.',
          }),
          await session.request('POST', '/api/procedures/import?format=csv&dryRun=true', sheet, {
            'content-type': 'text/csv',
          }),
        ];
        for (const [index, response] of responses.entries()) {
          const what = `${role}@${unitId} ${CATALOG_ROUTES[index]}`;
          if (allowed) {
            assert.ok(
              ![401, 403].includes(response.statusCode),
              `${what}: ${response.statusCode} ${response.body}`,
            );
            assert.ok(response.statusCode < 500, `${what}: ${response.statusCode}`);
          } else assert.equal(response.statusCode, 403, `${what}: expected 403, got ${response.statusCode}`);
        }
      }
    }
  });
});
