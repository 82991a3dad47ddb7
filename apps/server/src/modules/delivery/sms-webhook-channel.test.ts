import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DeliveryError, maskPhone, type OutgoingMessage } from './channels.ts';
import { createMemoryDeliveryLog, deliverMessage } from './deliver.ts';
import { createSmsWebhookChannel, normalizeVnMobile, signBody } from './sms-webhook-channel.ts';

const TOKEN = 'tok-3f9a1c';
const SECRET = 'shared-secret-0123456789';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
}

async function startGateway(
  answer: (req: Received, res: http.ServerResponse) => void,
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      answer(entry, res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const message = (to = '0912 345 678'): OutgoingMessage => ({
  id: 'citizen.notify:app-1:received:sms',
  to,
  text: 'Hồ sơ H36-0001 (Đăng ký khai sinh) đã được tiếp nhận. Hẹn trả kết quả ngày 01/12/2026.',
  lang: 'vi',
});

const channelFor = (url: string, timeoutMs?: number) =>
  createSmsWebhookChannel({ url, token: TOKEN, secret: SECRET, ...(timeoutMs ? { timeoutMs } : {}) });

/** What the gateway should do: recompute the HMAC over the raw bytes and compare in constant time. */
function verifies(raw: string, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

test('Vietnamese mobile numbers are normalised to +84', () => {
  const cases: [string, string | undefined][] = [
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['(+84) 0912345678', '+84912345678'],
    ['0387-654-321', '+84387654321'],
    ['0243 826 1234', undefined], // Hà Nội landline: no SMS
    ['0212345678', undefined],
    ['091234567', undefined], // too short
    ['+1 202 555 0100', undefined],
    ['09123456789', undefined],
    ['abc0912345678', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeVnMobile(input), expected, input);
});

test('the gateway receives the JSON, the bearer token, the idempotency key and a valid signature', async (t) => {
  const gateway = await startGateway((_req, res) => {
    res.writeHead(202, { 'content-type': 'application/json' }).end('{"messageId":"gw-77"}');
  });
  t.after(() => gateway.close());
  const result = await channelFor(gateway.url).send(message());
  assert.deepEqual(result, { providerId: 'gw-77' });
  const [req] = gateway.received;
  assert.ok(req);
  assert.deepEqual(JSON.parse(req.raw), {
    id: 'citizen.notify:app-1:received:sms',
    to: '+84912345678',
    text: message().text,
  });
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(req.headers['idempotency-key'], 'citizen.notify:app-1:received:sms');
  assert.match(req.headers['content-type']!, /^application\/json/);
  assert.ok(verifies(req.raw, req.headers['x-motcua-signature'] as string));
  assert.ok(
    !verifies(req.raw.replace('+84912345678', '+84912345679'), req.headers['x-motcua-signature'] as string),
  );
  assert.equal(signBody(req.raw, SECRET), req.headers['x-motcua-signature']);
});

test('500, 408 and 429 are retryable; 400 and 404 are permanent', async (t) => {
  let status = 500;
  const gateway = await startGateway((_req, res) => res.writeHead(status).end('{"error":"nope"}'));
  t.after(() => gateway.close());
  const channel = channelFor(gateway.url);
  for (const [code, permanent] of [
    [500, false],
    [503, false],
    [408, false],
    [429, false],
    [400, true],
    [404, true],
    [401, true],
  ] as const) {
    status = code;
    await assert.rejects(
      channel.send(message()),
      (e: unknown) => e instanceof DeliveryError && e.permanent === permanent && e.status === code,
      `HTTP ${code}`,
    );
  }
});

test('a gateway that never answers fails the attempt on the timeout', async (t) => {
  const gateway = await startGateway(() => {
    /* never answers */
  });
  t.after(() => gateway.close());
  const started = Date.now();
  const error = await channelFor(gateway.url, 300)
    .send(message())
    .then(
      () => assert.fail('sent'),
      (e: unknown) => e,
    );
  assert.ok(error instanceof DeliveryError && !error.permanent);
  assert.match(error.message, /no answer within 300 ms/);
  assert.ok(Date.now() - started < 2000);
});

test('errors and logs never carry the full phone number', async (t) => {
  const gateway = await startGateway((req, res) => {
    // A gateway that echoes the number back in its refusal.
    const to = (JSON.parse(req.raw) as { to: string }).to;
    res.writeHead(400).end(`invalid destination ${to} (0912345678)`);
  });
  t.after(() => gateway.close());
  const lines: string[] = [];
  const logger = {
    info: (obj: object, msg: string) => lines.push(JSON.stringify(obj) + msg),
    warn: (obj: object, msg: string) => lines.push(JSON.stringify(obj) + msg),
  };
  const channel = createSmsWebhookChannel({ url: gateway.url, token: TOKEN, secret: SECRET, logger });
  const error = await channel.send(message('0912345678')).then(
    () => assert.fail('sent'),
    (e: unknown) => e as DeliveryError,
  );
  const record = createMemoryDeliveryLog();
  const outcome = await deliverMessage({ channel, record, logger }, message('0912345678'));
  assert.equal(outcome.status, 'rejected');
  for (const text of [error.message, ...lines, ...record.failed.values()]) {
    assert.ok(!/912345678/.test(text), text);
    assert.ok(text.includes('678'), 'the tail stays, for an operator to match a complaint');
  }
  assert.equal(maskPhone('+84912345678'), '+84******678');
  assert.equal(maskPhone('0912345678'), '0******678');

  const invalid = await channel.send(message('0243 826 1234')).then(
    () => assert.fail('sent'),
    (e: unknown) => e as DeliveryError,
  );
  assert.ok(invalid.permanent);
  assert.ok(!invalid.message.includes('8261234') && !invalid.message.includes('826 1234'), invalid.message);
});

test('a retry after success is not sent again; the key stays the same across attempts', async (t) => {
  let fail = true;
  const gateway = await startGateway((_req, res) => {
    if (fail) {
      fail = false;
      res.writeHead(502).end();
    } else res.writeHead(200).end('{"id":"gw-1"}');
  });
  t.after(() => gateway.close());
  const channel = channelFor(gateway.url);
  const record = createMemoryDeliveryLog();
  await assert.rejects(deliverMessage({ channel, record }, message()));
  assert.deepEqual(await deliverMessage({ channel, record }, message()), {
    status: 'sent',
    providerId: 'gw-1',
  });
  assert.deepEqual(await deliverMessage({ channel, record }, message()), { status: 'already_sent' });
  assert.equal(gateway.received.length, 2);
  assert.deepEqual(
    gateway.received.map((r) => r.headers['idempotency-key']),
    ['citizen.notify:app-1:received:sms', 'citizen.notify:app-1:received:sms'],
  );
});
