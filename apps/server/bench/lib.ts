// Shared helpers for `npm run bench`: statistics, cleanup of everything the bench starts, table printing,
// a description of the machine, and HTTP requests over a keep-alive agent (127.0.0.1 only).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { StoreKind } from './startup.ts';

// ---------- statistics ----------

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
export const max = (values: readonly number[]) => (values.length === 0 ? Number.NaN : Math.max(...values));

/** The median over runs of each numeric field of per-run results. */
export function medianOf<T extends object>(runs: readonly T[]): { [K in keyof T]: number } {
  const first = runs[0];
  if (!first) throw new Error('medianOf: no runs');
  const result = {} as Record<string, number>;
  for (const key of Object.keys(first)) {
    result[key] = median(runs.map((r) => (r as Record<string, number>)[key]!));
  }
  return result as { [K in keyof T]: number };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------- cleanup ----------

type Cleanup = () => Promise<void> | void;
const cleanups = new Map<number, Cleanup>();
let nextCleanup = 0;

/** Registers an undo step (kill a child, remove a folder, drop a database); returns its own runner. */
export function onCleanup(step: Cleanup): () => Promise<void> {
  const id = nextCleanup++;
  cleanups.set(id, step);
  return async () => {
    if (!cleanups.delete(id)) return;
    await step();
  };
}

/** Runs every pending undo step, latest first; never throws. */
export async function cleanupAll(): Promise<void> {
  for (const id of [...cleanups.keys()].reverse()) {
    const step = cleanups.get(id);
    cleanups.delete(id);
    try {
      await step?.();
    } catch (error) {
      process.stderr.write(`cleanup failed: ${String(error)}\n`);
    }
  }
}

/** A fresh temporary folder, removed at cleanup (or earlier through the returned `remove`). */
export function tempDir(prefix: string): { dir: string; remove: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-bench-${prefix}-`));
  const remove = onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir, remove };
}

// ---------- output ----------

export function fmt(value: number | undefined, digits = 0): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  return `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×`;
}

/** A plain-text table; the first row is the header. Columns after the first are right-aligned. */
export function table(title: string, rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [`\n${title}`, line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

export function machine(): Record<string, string> {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    date: new Date().toISOString(),
    cpus: `${os.availableParallelism()} × ${model}`,
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** Resident set size of a process in MiB, from /proc/<pid>/status (Linux). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) / 1024;
}

// ---------- HTTP ----------

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** One request to a 127.0.0.1 URL; rejects after `timeoutMs`. */
export function request(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`bench traffic stays on 127.0.0.1, not ${url}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        agent,
        method: options.method ?? 'GET',
        headers: options.headers,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface BenchSession {
  /** The `motcua_session=…` cookie header. */
  cookie: string;
  /** For the `x-csrf-token` header of state-changing requests. */
  csrfToken: string;
}

/** Logs in over HTTP and returns the session cookie header and CSRF token. */
export async function login(baseUrl: string, username: string, password: string): Promise<BenchSession> {
  const agent = new http.Agent({ keepAlive: false });
  const response = await request(agent, `${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  agent.destroy();
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.body}`);
  const setCookie = response.headers['set-cookie'] ?? [];
  const session = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('motcua_session='));
  if (!session) throw new Error('login: no motcua_session cookie');
  const { csrfToken } = JSON.parse(response.body) as { csrfToken: string };
  return { cookie: session, csrfToken };
}

/** The stores a run measures: PGlite, and PostgreSQL with --pg; --stores narrows them. */
export function storesOf(option: string | undefined, postgres: boolean): StoreKind[] {
  const all: StoreKind[] = postgres ? ['pglite', 'postgres'] : ['pglite'];
  if (option === undefined) return all;
  const asked = option.split(',').map((s) => s.trim());
  const wrong = asked.filter((s) => !all.includes(s as StoreKind));
  if (wrong.length > 0 || asked.length === 0)
    throw new Error(`--stores: ${wrong.join(', ')} is not one of ${all.join(', ')} (PostgreSQL needs --pg)`);
  return all.filter((kind) => asked.includes(kind));
}
