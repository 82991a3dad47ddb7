import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { notificationsRepository } from './notifications.repository.ts';
import { PROVINCE, userId, vn } from './notifications.test-support.ts';

describe(`GET /api/notifications, POST /api/notifications/{id}/read (${storeLabel})`, () => {
  let t: TestApp;
  let specialist: Session;
  let leader: Session;
  before(async () => {
    t = await createTestApp();
    const db = t.app.store.db;
    const notice = async (username: string, key: string, createdAt: Date) =>
      notificationsRepository.insert(db, [
        {
          provinceCode: PROVINCE,
          key,
          userId: await userId(db, username),
          kind: 'deadline.reminder',
          applicationId: null,
          titleVi: `Thông báo ${key}`,
          titleEn: `Notice ${key}`,
          body: { code: key },
          createdAt,
        },
      ]);
    await notice('chuyenvien', 'old', vn('2026-11-26', '17:00'));
    await notice('chuyenvien', 'new', vn('2026-11-27', '17:00'));
    await notice('lanhdao', 'leader', vn('2026-11-27', '07:30'));
    specialist = await t.login('chuyenvien');
    leader = await t.login('lanhdao');
  });
  after(() => t.dispose());

  const inbox = async (session: Session) => {
    const response = await session.request('GET', '/api/notifications');
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{
      items: { id: string; titleVi: string; readAt: string | null }[];
      unread: number;
    }>();
  };

  test('a user sees only their own notices, newest first, with the unread count', async () => {
    const own = await inbox(specialist);
    assert.deepEqual(
      own.items.map((n) => n.titleVi),
      ['Thông báo new', 'Thông báo old'],
    );
    assert.equal(own.unread, 2);
    assert.deepEqual(
      (await inbox(leader)).items.map((n) => n.titleVi),
      ['Thông báo leader'],
    );
  });

  test('marks an own notice read; another user’s id or an unknown id is 404', async () => {
    const [newest] = (await inbox(specialist)).items;
    const [leaders] = (await inbox(leader)).items;
    assert.equal(
      (await specialist.request('POST', `/api/notifications/${leaders!.id}/read`)).statusCode,
      404,
    );
    assert.equal(
      (await specialist.request('POST', `/api/notifications/${randomUUID()}/read`)).statusCode,
      404,
    );
    assert.equal((await specialist.request('POST', '/api/notifications/x/read')).statusCode, 400);
    assert.equal((await inbox(leader)).unread, 1, 'the leader’s notice stays unread');
    assert.equal((await specialist.request('POST', `/api/notifications/${newest!.id}/read`)).statusCode, 204);
    assert.equal((await specialist.request('POST', `/api/notifications/${newest!.id}/read`)).statusCode, 204);
    const after = await inbox(specialist);
    assert.equal(after.unread, 1);
    assert.ok(after.items[0]!.readAt);
    assert.equal(after.items[1]!.readAt, null);
  });

  test('401 without a session', async () => {
    const id = randomUUID();
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['POST', `/api/notifications/${id}/read`],
    ] as const) {
      assert.equal((await t.app.server.inject({ method, url })).statusCode, 401, `${method} ${url}`);
    }
  });
});
