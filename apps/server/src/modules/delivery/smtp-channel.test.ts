import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { DeliveryError, type OutgoingMessage } from './channels.ts';
import { renderCitizenMessage } from './citizen-texts.ts';
import { createMemoryDeliveryLog, deliverMessage } from './deliver.ts';
import { findPart, headersOf, parseMime, decodeWords } from './mime.test-support.ts';
import { createSmtpChannel, messageIdFor, smtpOptionsFromUrl } from './smtp-channel.ts';

const FROM = '"Bộ phận một cửa Lâm Hà" <motcua@lamha.gov.vn>';

interface Mta {
  port: number;
  /** Messages whose DATA the server acknowledged with 250: the ones a real MTA has taken responsibility for. */
  delivered: string[];
  /** Messages whose connection closed before the server answered DATA: dropped, as a real MTA does. */
  dropped: string[];
  /** Hold the reply to the next DATA (never answer it); resolves when that message has been read. */
  holdNext(): Promise<void>;
  close(): Promise<void>;
}

async function startMta(): Promise<Mta> {
  const delivered: string[] = [];
  const dropped: string[] = [];
  const pending = new Map<string, string>();
  let hold: (() => void) | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (hold) {
          // Read the whole message but never acknowledge it: the client is "killed" before the 250.
          pending.set(session.id, raw);
          const held = hold;
          hold = undefined;
          held();
          return;
        }
        delivered.push(raw);
        callback(null, `OK queued as Q${delivered.length}`);
      });
    },
    onClose(session: SMTPServerSession) {
      const raw = pending.get(session.id);
      if (raw !== undefined) {
        pending.delete(session.id);
        dropped.push(raw);
      }
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as net.AddressInfo;
  return {
    port,
    delivered,
    dropped,
    holdNext: () => new Promise<void>((resolve) => (hold = resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const channelFor = (port: number, extra: { socketTimeoutMs?: number; greetingTimeoutMs?: number } = {}) =>
  createSmtpChannel({ url: `smtp://127.0.0.1:${port}`, from: FROM, ignoreTls: true, ...extra });

const vietnamese = (): OutgoingMessage => {
  const rendered = renderCitizenMessage(
    'received',
    {
      code: 'H36.25-251127-0001',
      procedureName: 'Đăng ký khai sinh (có yếu tố nước ngoài) — thủ tục liên thông',
      applicantName: 'Nguyễn Thị Ánh Tuyết',
      appointmentAt: new Date('2026-11-30T23:30:00Z'),
      lookupUrl: 'https://motcua.lamha.gov.vn/tra-cuu/ABCD1234',
    },
    'vi',
    'email',
  );
  return {
    id: 'citizen.notify:app-1:received:email',
    to: 'tuyet.nguyen@example.vn',
    lang: 'vi',
    ...rendered,
  };
};

async function waitFor(predicate: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('smtp URLs: credentials decoded, default ports, bad schemes refused', () => {
  assert.deepEqual(smtpOptionsFromUrl('smtp://m%40x:p%2Fss@mail.example.vn:2525'), {
    host: 'mail.example.vn',
    port: 2525,
    secure: false,
    auth: { user: 'm@x', pass: 'p/ss' },
  });
  assert.equal(smtpOptionsFromUrl('smtps://mail.example.vn').port, 465);
  assert.equal(smtpOptionsFromUrl('smtp://mail.example.vn').port, 587);
  assert.throws(() => smtpOptionsFromUrl('http://mail.example.vn'), /unsupported scheme/);
});

test('the Message-ID is a function of the message id only', () => {
  assert.equal(messageIdFor('abc.123'), '<abc.123@motcua>');
  const a = messageIdFor('citizen.notify:app-1:received:email');
  assert.equal(a, messageIdFor('citizen.notify:app-1:received:email'));
  assert.match(a, /^<citizen\.notify\.app-1\.received\.email\.[0-9a-f]{16}@motcua>$/);
  assert.notEqual(a, messageIdFor('citizen.notify.app-1.received.email'));
});

test('a Vietnamese message arrives with subject, body, From and Message-ID intact', async (t) => {
  const mta = await startMta();
  const channel = channelFor(mta.port);
  t.after(async () => {
    channel.close();
    await mta.close();
  });
  const message = vietnamese();
  const { providerId } = await channel.send(message);
  assert.equal(providerId, 'Q1');
  assert.equal(mta.delivered.length, 1);

  const mail = parseMime(mta.delivered[0]!);
  assert.equal(decodeWords(mail.headers.get('subject')!), message.subject);
  assert.equal(mail.headers.get('message-id'), messageIdFor(message.id));
  assert.equal(mail.headers.get('content-language'), 'vi');
  // The display name travels as RFC 2047 encoded words (the quotes are not needed once encoded).
  assert.match(mail.headers.get('from')!, /^=\?utf-8\?[QB]\?/i);
  assert.equal(decodeWords(mail.headers.get('from')!), 'Bộ phận một cửa Lâm Hà <motcua@lamha.gov.vn>');
  assert.equal(decodeWords(mail.headers.get('to')!), message.to);

  const text = findPart(mail, 'text/plain')!;
  assert.match(text.headers.get('content-type')!, /charset=utf-8/i);
  assert.match(text.headers.get('content-transfer-encoding')!, /^(quoted-printable|base64)$/i);
  assert.equal(text.body, message.text);
  assert.ok(text.body.includes('Nguyễn Thị Ánh Tuyết'));
  assert.ok(text.body.includes('01/12/2026'), 'the 23:30 UTC appointment is the next day in Vietnam');
  const html = findPart(mail, 'text/html')!;
  assert.equal(html.body, message.html!.replace(/\r\n/g, '\n'));
});

test('a server that accepts the connection and never greets fails the attempt within the timeout', async (t) => {
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => sockets.add(socket));
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  const channel = channelFor((silent.address() as net.AddressInfo).port, { greetingTimeoutMs: 300 });
  t.after(() => {
    channel.close();
    for (const socket of sockets) socket.destroy();
    silent.close();
  });
  const started = Date.now();
  const error = await channel.send(vietnamese()).then(
    () => assert.fail('sent to a silent server'),
    (e: unknown) => e,
  );
  const elapsed = Date.now() - started;
  assert.ok(error instanceof DeliveryError);
  assert.equal(error.permanent, false);
  assert.match(error.message, /ETIMEDOUT/);
  assert.ok(!error.message.includes('tuyet.nguyen@'), 'the address is masked');
  assert.ok(elapsed >= 250 && elapsed < 2000, `failed after ${elapsed} ms`);
});

test('a server that hangs after DATA fails the attempt on the socket timeout', async (t) => {
  const mta = await startMta();
  const channel = channelFor(mta.port, { socketTimeoutMs: 300 });
  t.after(async () => {
    channel.close();
    await mta.close();
  });
  void mta.holdNext();
  const started = Date.now();
  await assert.rejects(
    channel.send(vietnamese()),
    (e: unknown) => e instanceof DeliveryError && !e.permanent,
  );
  assert.ok(Date.now() - started < 2000);
  await waitFor(() => mta.dropped.length === 1);
  assert.equal(mta.delivered.length, 0);
});

test('killed before the server acknowledged DATA, the retry delivers exactly once with the same Message-ID', async (t) => {
  const mta = await startMta();
  const channel = channelFor(mta.port);
  t.after(async () => {
    channel.close();
    await mta.close();
  });
  const record = createMemoryDeliveryLog();
  const message = vietnamese();

  // Attempt 1: the server has read the whole message and is slow to answer; the process "dies" (aborts).
  const dying = new AbortController();
  const held = mta.holdNext();
  const first = deliverMessage({ channel, record, signal: dying.signal }, message);
  await held;
  dying.abort(new Error('runner process killed'));
  await assert.rejects(first, (e: unknown) => e instanceof DeliveryError && !e.permanent);
  await waitFor(() => mta.dropped.length === 1);
  assert.equal(mta.delivered.length, 0, 'an unacknowledged DATA is not a delivery');
  assert.equal(await record.wasSent(message.id), false);

  // Attempt 2, as the runner's retry: the same message id, the same log.
  assert.deepEqual(await deliverMessage({ channel, record }, message), { status: 'sent', providerId: 'Q1' });
  // Attempt 3 and 4 after a success (a lost lease, a duplicate job): nothing goes out.
  assert.deepEqual(await deliverMessage({ channel, record }, message), { status: 'already_sent' });
  assert.deepEqual(await deliverMessage({ channel, record }, message), { status: 'already_sent' });

  assert.equal(mta.delivered.length, 1);
  const ids = [...mta.dropped, ...mta.delivered].map((raw) =>
    headersOf(raw.split('\r\n\r\n')[0]!).get('message-id'),
  );
  assert.deepEqual(ids, [messageIdFor(message.id), messageIdFor(message.id)]);
  assert.equal(record.sent.get(message.id), 'Q1');
});

test('a permanent refusal (550) is recorded, not retried', async (t) => {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const error = Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 });
      callback(error);
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const channel = channelFor((server.server.address() as net.AddressInfo).port);
  t.after(() => {
    channel.close();
    server.close();
  });
  const record = createMemoryDeliveryLog();
  const outcome = await deliverMessage({ channel, record }, vietnamese());
  assert.equal(outcome.status, 'rejected');
  assert.equal(record.failed.size, 1);
  assert.ok(![...record.failed.values()][0]!.includes('tuyet.nguyen@'), 'the address is masked');
});
