import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { decodeWords, findPart, parseMime } from '../delivery/mime.test-support.ts';
import { startSmtpSink } from '../delivery/smtp-sink.test-support.ts';
import { ensureDigests } from './digest.ts';
import { scheduleReminders } from './reminders.ts';
import {
  PROVINCE,
  clearNotifications,
  insertApplication,
  notificationRunner,
  userId,
  vn,
} from './notifications.test-support.ts';

const BASE = 'https://motcua.lamha.example';

describe(`staff reminders by e-mail too, through the outbox, once (${storeLabel})`, () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let admin: Session;
  let commune: string;
  let withMail: string;
  let received: string[];
  const mail = () => ({ channels: t.app.services.channels, publicUrl: BASE });
  const jobsOf = async (kind: string) =>
    (await db.selectFrom('jobs').select('id').where('kind', '=', kind).execute()).length;

  before(async () => {
    smtp = await startSmtpSink();
    received = smtp.received;
    t = await createTestApp({
      publicUrl: BASE,
      delivery: {
        email: { url: smtp.url, from: '"Một cửa Lâm Hà" <motcua@lamha.gov.vn>' },
        sms: undefined,
        channels: ['email'],
      },
    });
    await t.app.jobRunner.stop(); // the tests drive their own runner with a fake clock
    db = t.app.store.db;
    commune = t.unit('24871', '2025-07-01').id;
    admin = await t.login('quantri');
  });
  beforeEach(async () => {
    await clearNotifications(db);
    received.length = 0;
  });
  after(async () => {
    await t.dispose();
    await smtp.close();
  });

  test('the administrator gives a new officer a work e-mail: checked, lower-cased, masked in the audit', async () => {
    const user = (username: string, email?: string) =>
      admin.request('POST', '/api/users', {
        username,
        fullName: 'Phạm Thị Thư',
        unitId: commune,
        password: 'mat-khau-chuyen-vien',
        roles: [{ role: 'specialist', unitId: commune }],
        ...(email === undefined ? {} : { email }),
      });
    const bad = await user('chuyenvien.sai', 'khong-phai-email');
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().field, '/body/email');
    const created = await user('chuyenvien.thu', '  Pham.Thu@LamHa.gov.vn ');
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().email, 'pham.thu@lamha.gov.vn');
    withMail = created.json().id;
    const listed = (await admin.request('GET', `/api/users?unitId=${commune}`)).json();
    const mine = listed.items.find((u: { id: string }) => u.id === withMail);
    assert.equal(mine.email, 'pham.thu@lamha.gov.vn');
    assert.equal(listed.items.find((u: { username: string }) => u.username === 'chuyenvien').email, null);
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', withMail)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(audit).includes('pham.thu'), 'the address is masked in the audit');
    assert.equal((audit.details as { email?: string }).email, 'p***@lamha.gov.vn');
    // The column refuses what the API would have refused, whoever writes it.
    await assert.rejects(
      db.updateTable('users').set({ email: 'Not An Address' }).where('id', '=', withMail).execute(),
    );
  });

  test('each reminder is e-mailed once (vi, then en, with the link), even when every job runs twice', async () => {
    const due = vn('2026-11-30', '17:00');
    const app = await insertApplication(db, { receivingUnitId: commune, assigneeId: withMail, dueAt: due });
    await db
      .transaction()
      .execute((trx) =>
        scheduleReminders(trx, { provinceCode: PROVINCE, id: app.id, dueAt: due, assigneeId: withMail }),
      );
    const { runAt } = notificationRunner(t, { mail: mail() });
    assert.equal(await runAt(vn('2026-11-27', '17:00')), 2, 'the reminder, then its e-mail');
    assert.equal(received.length, 1);
    const message = parseMime(received[0]!);
    assert.match(message.headers.get('to') ?? '', /pham\.thu@lamha\.gov\.vn/);
    assert.equal(
      decodeWords(message.headers.get('subject') ?? ''),
      `Hồ sơ ${app.code} đến hạn vào 17:00 ngày 30/11/2026 / File ${app.code} is due at 17:00 on 30/11/2026`,
    );
    const text = findPart(message, 'text/plain')!.body;
    const link = `${BASE}/ho-so/${app.id}`;
    assert.ok(text.indexOf(`Mở hồ sơ: ${link}`) >= 0, text);
    assert.ok(text.indexOf('Mở hồ sơ') < text.indexOf(`Open the file: ${link}`), 'Vietnamese first');
    assert.ok(!text.includes('Nguyễn Văn An'), 'no applicant name in a mailbox');
    const row = await db.selectFrom('citizen_deliveries').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.status, row.event, row.application_id, row.recipient_masked],
      ['sent', 'staff.deadline.reminder', app.id, 'p***@lamha.gov.vn'],
    );

    // As after a crash between the effect and `complete`: the reminder and its e-mail job both run again.
    await db
      .updateTable('jobs')
      .set({ done_at: null, run_at: vn('2026-11-27', '17:00') })
      .where('done_at', 'is not', null)
      .execute();
    assert.equal(await runAt(vn('2026-11-27', '17:00')), 2, 'both jobs ran a second time');
    assert.equal(received.length, 1, 'no second e-mail');
    assert.equal(await jobsOf('staff.mail'), 1, 'no second e-mail job');

    assert.equal(await runAt(vn('2026-11-30', '17:00')), 2, 'the reminder at due, and its e-mail');
    assert.equal(received.length, 2);
    assert.match(findPart(parseMime(received[1]!), 'text/plain')!.body, /đã đến hạn trả kết quả/);
  });

  test('an officer without an address gets the in-app notice only; no e-mail channel, no e-mail job', async () => {
    const due = vn('2026-12-02', '17:00');
    const specialist = await userId(db, 'chuyenvien');
    const plain = await insertApplication(db, {
      receivingUnitId: commune,
      assigneeId: specialist,
      dueAt: due,
    });
    const mailed = await insertApplication(db, {
      receivingUnitId: commune,
      assigneeId: withMail,
      dueAt: due,
    });
    await db.transaction().execute(async (trx) => {
      await scheduleReminders(trx, {
        provinceCode: PROVINCE,
        id: plain.id,
        dueAt: due,
        assigneeId: specialist,
      });
      await scheduleReminders(trx, {
        provinceCode: PROVINCE,
        id: mailed.id,
        dueAt: due,
        assigneeId: withMail,
      });
    });
    // A server without SMTP: notices as before, nothing queued for e-mail.
    await notificationRunner(t).runAt(vn('2026-12-01', '17:00'));
    assert.equal(await jobsOf('staff.mail'), 0);
    const notices = await db.selectFrom('notifications').select('user_id').execute();
    assert.equal(notices.length, 2);
    // With SMTP: only the officer with an address gets an e-mail.
    await notificationRunner(t, { mail: mail() }).runAt(vn('2026-12-02', '17:00'));
    assert.equal(await jobsOf('staff.mail'), 1);
    assert.equal(received.length, 1);
    assert.match(parseMime(received[0]!).headers.get('to') ?? '', /pham\.thu@/);
  });

  test('the overdue digest is e-mailed to a leader with an address, listing the files with links', async () => {
    const leader = await userId(db, 'lanhdao');
    await db.updateTable('users').set({ email: 'lanh.dao@lamha.gov.vn' }).where('id', '=', leader).execute();
    try {
      const late = await insertApplication(db, {
        receivingUnitId: commune,
        decidingUnitId: commune,
        dueAt: vn('2026-08-28', '17:00'),
      });
      await ensureDigests(db, await t.app.services.calendar.current(), vn('2026-08-30', '20:00'));
      await notificationRunner(t, { mail: mail() }).runAt(vn('2026-08-31', '07:30'));
      const toLeader = received.map(parseMime).filter((m) => /lanh\.dao@/.test(m.headers.get('to') ?? ''));
      assert.equal(toLeader.length, 1);
      const text = findPart(toLeader[0]!, 'text/plain')!.body;
      assert.match(text, /^\d+ hồ sơ quá hạn tại /);
      assert.ok(text.includes(`${late.code} (hạn 17:00 ngày 28/08/2026): ${BASE}/ho-so/${late.id}`), text);
      assert.ok(text.includes(`${late.code} (due 17:00 on 28/08/2026): ${BASE}/ho-so/${late.id}`), text);
      const html = findPart(toLeader[0]!, 'text/html')!.body;
      assert.match(html, /<div lang="vi">[\s\S]*<hr>[\s\S]*<div lang="en">/);
    } finally {
      await db.updateTable('users').set({ email: null }).where('id', '=', leader).execute();
    }
  });
});
