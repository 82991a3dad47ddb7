// Outside services of the citizen journey: a real SMTP server (the mailbox), staff acting through the API,
// and a free port fixed before the server starts (the OIDC redirect URI and the e-mail links need it).
import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { findPart, parseMime } from '../../server/src/modules/delivery/mime.test-support.ts';
import { startSmtpSink } from '../../server/src/modules/delivery/smtp-sink.test-support.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailbox {
  port: number;
  mails: Mail[];
  /** Waits for a message to `to` whose text matches; fails after 20 s. */
  next(to: string, match: RegExp, after?: number): Promise<Mail>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const sink = await startSmtpSink();
  const read = (raw: string): Mail => {
    const message = parseMime(raw);
    const to = message.headers.get('to') ?? '';
    return {
      to: (/<([^>]+)>/.exec(to)?.[1] ?? to).trim().toLowerCase(),
      subject: message.headers.get('subject') ?? '',
      text: findPart(message, 'text/plain')?.body ?? '',
    };
  };
  return {
    port: Number(new URL(sink.url).port),
    get mails() {
      return sink.received.map(read);
    },
    async next(to, match, after = 0) {
      for (let i = 0; i < 200; i += 1) {
        const found = sink.received
          .slice(after)
          .map(read)
          .find((m) => m.to === to && match.test(m.text));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no e-mail to ${to} matching ${match}`);
    },
    close: () => sink.close(),
  };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Staff {
  post(url: string, body: unknown): Promise<Record<string, unknown>>;
  put(url: string, body: unknown): Promise<Record<string, unknown>>;
  get(url: string): Promise<Record<string, unknown>>;
}

/** A staff member signed in through the API, as the web app does. */
export async function staff(base: string, username: string, password: string): Promise<Staff> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(login.status, 200, `login ${username}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${url}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  return {
    post: (url, body) => call('POST', url, body),
    put: (url, body) => call('PUT', url, body),
    get: (url) => call('GET', url),
  };
}
