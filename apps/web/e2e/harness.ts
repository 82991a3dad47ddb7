// Shared by the browser tests: the real server as a child process (fresh data folder, demo users),
// Chromium through playwright-core, axe-core checks and screenshots.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST_INDEX = path.join(ROOT, 'apps/web/dist/index.html');
export const SHOTS = path.join(ROOT, 'apps/web/e2e/screenshots');
export const PASSWORD = 'e2e-demo-password-2025';

export interface RunningServer {
  url: string;
  child: ChildProcess;
}

/** Extra environment (e-mail, OIDC) and a fixed port, for journeys whose outside services need the address. */
export interface ServerOptions {
  env?: Record<string, string>;
  port?: number;
}

export function startServer(dataDir: string, options: ServerOptions = {}): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTCUA_DEMO_PASSWORD: PASSWORD, ...options.env };
  delete env['NODE_ENV'];
  const args = ['--import', 'tsx', 'apps/server/src/cli/main.ts', 'serve', '--data-dir', dataDir];
  const port = String(options.port ?? 0);
  const child = spawn(process.execPath, [...args, '--port', port, '--host', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the server did not start within 120 s')), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- server output ---\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /motcua listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the server exited early with code ${String(code)}`)));
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page; fails on serious or critical violations, reports the others. */
export async function checkAccessibility(t: TestContext, page: Page, name: string): Promise<void> {
  // Evaluated through the debugging protocol, not as a <script>: the portal's CSP forbids inline scripts.
  await page.evaluate(axe.source);
  const violations: Violation[] = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  for (const v of violations) t.diagnostic(`axe ${name}: ${v.impact ?? '?'} ${v.id} – ${v.help}`);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    blocking,
    [],
    `${name}: serious or critical axe violations\n${JSON.stringify(blocking, null, 2)}`,
  );
}

export async function screenshot(page: Page | Locator, name: string): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  if ('goto' in page) await page.screenshot({ path: file, fullPage: true });
  else await page.screenshot({ path: file });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Opens an allowed action, fills nothing more than `fill` does, confirms it and waits for the success notice. */
export async function act(page: Page, label: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 3, name: label }).waitFor();
  if (fill) await fill();
  await page.getByRole('button', { name: `Xác nhận: ${label}` }).click();
  await page.getByText(`Đã thực hiện: ${label}.`).waitFor();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * Starts the server and Chromium, runs `body`, and always cleans up. Skips the test when Chromium is missing;
 * builds apps/web first when dist/ is missing.
 */
export async function withBrowser(
  t: TestContext,
  body: (env: { base: string; browser: Browser }) => Promise<void>,
  options: ServerOptions = {},
): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    t.skip(`${CHROMIUM} is missing: install Chromium (apt-get install -y chromium) to run the browser tests`);
    return;
  }
  if (!existsSync(DIST_INDEX))
    execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(SHOTS, { recursive: true });

  const dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-web-e2e-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(dataDir, options);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await body({ base: server.url, browser });
  } finally {
    await browser?.close();
    if (server) await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
