import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, deskOfficers, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { decodeWords, findPart, parseMime } from './mime.test-support.ts';
import { startSmtpSink } from './smtp-sink.test-support.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`citizens hear of their file by e-mail, through the outbox, once (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let pascId: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let received: string[] = [];

  const intake = (applicant: Record<string, unknown>) =>
    desk.request('POST', '/api/applications', {
      procedureCode: '1.001022',
      receivingUnitId: pascId,
      channel: 'counter',
      applicant: {
        kind: 'person',
        fullName: 'Trần Văn Bình',
        address: 'Thôn 2, xã Đinh Văn Lâm Hà',
        ...applicant,
      },
      documents: [{ name: 'Tờ khai', copyType: 'original', quantity: 1 }],
      returnChannel: 'online',
    });
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i += 1) await sleep(100);
  };

  before(async () => {
    smtp = await startSmtpSink();
    received = smtp.received;
    t = await createTestApp({
      publicUrl: 'https://dichvucong.lamha.example',
      delivery: {
        email: { url: smtp.url, from: '"Bộ phận một cửa Lâm Hà" <motcua@lamha.gov.vn>' },
        sms: undefined,
        channels: ['email'],
      },
    });
    ({ desk, pascId } = await deskOfficers(t));
  });
  after(async () => {
    await t.dispose();
    await smtp.close();
  });

  test('received at the counter: one e-mail with the code, the appointment and the lookup link', async () => {
    const response = await intake({ email: 'binh.tran@example.vn' });
    assert.equal(response.statusCode, 201, response.body);
    const app = response.json().application as { id: string; code: string; lookupKey: string };
    await until(() => received.length > 0);
    assert.equal(received.length, 1);
    const mail = parseMime(received[0]!);
    const { headers } = mail;
    assert.match(decodeWords(headers.get('subject') ?? ''), new RegExp(app.code));
    assert.match(headers.get('to') ?? '', /binh\.tran@example\.vn/);
    const text = findPart(mail, 'text/plain')!.body;
    assert.match(text, new RegExp(app.code));
    assert.match(text, /Trần Văn Bình|Đăng ký/);
    assert.ok(
      text.includes(`https://dichvucong.lamha.example/tra-cuu?ma=${encodeURIComponent(app.code)}`),
      text,
    );
    const row = await t.app.store.db.selectFrom('citizen_deliveries').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(row.event, 'received');
    assert.ok(!row.recipient_masked.includes('binh.tran'), 'only the masked address is kept');
    // Running the job again (as after a crash before completion) sends nothing more.
    await t.app.store.db
      .updateTable('jobs')
      .set({ done_at: null, run_at: new Date() })
      .where('kind', '=', 'citizen.notify')
      .execute();
    await t.app.jobRunner.runOnce();
    await sleep(200);
    assert.equal(received.length, 1, 'no duplicate e-mail');
  });

  test('an applicant without an e-mail address gets no job', async () => {
    const before = (
      await t.app.store.db.selectFrom('jobs').select('id').where('kind', '=', 'citizen.notify').execute()
    ).length;
    assert.equal((await intake({})).statusCode, 201);
    const after = (
      await t.app.store.db.selectFrom('jobs').select('id').where('kind', '=', 'citizen.notify').execute()
    ).length;
    assert.equal(after, before);
  });
});
