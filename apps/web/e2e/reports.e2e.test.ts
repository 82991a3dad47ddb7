// The two report pages in a real browser. Files are received and resolved through the real API; the leader then
// reads them on /bao-cao/thong-ke (filters in the address, the grouped table, the chart, every count opening its
// files, XLSX and CSV downloads) and on /bao-cao/chi-so-766 (units ranked out of 100, each indicator with its
// formula and counts). The one-stop desk has no report role: no link, and the page says so.
// Run: node scripts/test.mjs --only apps/web/e2e/reports.e2e.test.ts --e2e   (needs /usr/bin/chromium, apps/web/dist)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { request, type APIRequestContext, type Locator, type Page } from 'playwright-core';
import { PASSWORD, checkAccessibility, newPage, signIn, withBrowser } from './harness.ts';

interface Application {
  id: string;
  code: string;
  version: number;
}

interface ApiSession {
  api: APIRequestContext;
  user: { id: string; unitId: string; roles: { role: string; unitId: string }[] };
  post: (path: string, data: Record<string, unknown>) => Promise<{ application: Application }>;
}

/** Signs in through the API; `post` sends the CSRF token and fails on any refusal. */
async function apiSession(base: string, username: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL: base });
  const login = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
  assert.ok(login.ok(), `login ${username}: ${login.status()}`);
  const { user, csrfToken } = (await login.json()) as { user: ApiSession['user']; csrfToken: string };
  const post = async (path: string, data: Record<string, unknown>) => {
    const response = await api.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
    assert.ok(response.ok(), `${path} ${JSON.stringify(data['action'] ?? '')}: ${await response.text()}`);
    return (await response.json()) as { application: Application };
  };
  return { api, user, post };
}

/** A counter intake of a birth registration at the desk's one-stop department. */
async function receive(desk: ApiSession, n: number): Promise<Application> {
  const { application } = await desk.post('/api/applications', {
    procedureCode: '1.001193',
    receivingUnitId: desk.user.unitId,
    channel: 'counter',
    applicant: {
      kind: 'person',
      fullName: `Nguyễn Thị Thống Kê ${n}`,
      idNumber: `06819000123${n}`,
      phone: '0912345678',
      address: 'Thôn 1, xã Đinh Văn Lâm Hà',
    },
    documents: [{ name: 'Tờ khai đăng ký khai sinh', copyType: 'original', quantity: 1 }],
    returnChannel: 'counter',
  });
  return application;
}

async function step(s: ApiSession, app: Application, action: string, extra: Record<string, unknown> = {}) {
  const path = `/api/applications/${app.id}/actions`;
  return (await s.post(path, { action, version: app.version, ...extra })).application;
}

/** The codes listed in the open drill-down dialog, after checking its heading and count. */
async function drillCodes(page: Page, count: Locator, heading: string, total: number): Promise<string[]> {
  await count.click();
  const dialog = page.getByRole('dialog', { name: heading });
  await dialog.getByRole('status').getByText(`Hồ sơ 1–${total} trong ${total}`).waitFor();
  const codes = await dialog.getByRole('rowheader').allTextContents();
  return codes.sort();
}

async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** No message key left untranslated ("stats.col.total") and Vietnamese letters with their diacritics. */
async function assertVietnamese(page: Page): Promise<void> {
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /\b(?:stats|kpi|figure|period|drill|report)\.[a-z]+/);
  assert.match(text, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
}

/** A small CSV reader: quoted fields, doubled quotes, CRLF records (what csv-stringify writes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted && c === '"' && body[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n')) field += c;
    else {
      row.push(field.replace(/\r$/, ''));
      field = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    }
  }
  return rows;
}

void test('the statistics and the Decision 766 index', async (t) => {
  await withBrowser(t, async ({ base, browser }) => {
    const resolved: string[] = [];
    let open = '';

    await t.test('the desk receives three files; one is approved, one withdrawn', async () => {
      const desk = await apiSession(base, 'motcua');
      const leader = await apiSession(base, 'lanhdao');
      const specialist = await apiSession(base, 'chuyenvien');
      const commune = leader.user.roles.find((g) => g.role === 'leader')!.unitId;
      const [a, b, c] = [await receive(desk, 1), await receive(desk, 2), await receive(desk, 3)];
      let approved = await step(desk, a, 'transfer', { decidingUnitId: commune });
      approved = await step(leader, approved, 'assign', { assigneeId: specialist.user.id });
      approved = await step(specialist, approved, 'submit_for_approval');
      await step(leader, approved, 'approve');
      await step(desk, b, 'withdraw', { reason: 'Công dân rút hồ sơ' });
      resolved.push(a.code, b.code);
      open = c.code;
      for (const s of [desk, leader, specialist]) await s.api.dispose();
    });

    const { context, page } = await newPage(browser);
    t.after(() => context.close());

    await t.test('the leader reads the counts of the month on the statistics page', async (t) => {
      if (!open) return t.skip('no files were received');
      await page.goto(`${base}/dang-nhap`);
      await signIn(page, 'lanhdao', PASSWORD);
      await page.waitForURL(`${base}/`);
      await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo thống kê' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Thống kê tình hình, kết quả giải quyết thủ tục hành chính' })
        .waitFor();
      // The filters are written to the address: this month, by unit, with the units below.
      const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
      await page.waitForURL((url) => url.searchParams.get('period') === month);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('by'), 'unit');
      assert.equal(url.searchParams.get('below'), 'true');
      const total = page.locator('.stats-table tfoot');
      const count = (n: number, figure: string) =>
        total.getByRole('button', { name: `${n} – xem danh sách hồ sơ: ${figure}, Tổng cộng`, exact: true });
      await count(3, 'Hồ sơ nhận giải quyết').waitFor();
      await count(3, 'Mới tiếp nhận trực tiếp').waitFor();
      await count(2, 'Đã giải quyết').waitFor();
      await count(1, 'Đang giải quyết').waitFor();
      assert.equal(
        await total.getByRole('button', { name: /Mới tiếp nhận trực tuyến/ }).count(),
        0,
        '0: no link',
      );
      // Three heading rows over the counts; the chart draws the same lines.
      assert.equal(await page.locator('.stats-table thead tr').count(), 3);
      await page.getByRole('columnheader', { name: 'Số hồ sơ nhận giải quyết' }).waitFor();
      const chart = page.getByRole('region', { name: 'Tiến độ giải quyết' });
      await chart.getByText(/: 2 trước hạn, đúng hạn; 0 trễ hạn; 1 đang giải quyết$/).waitFor();
      await assertVietnamese(page);
      await checkAccessibility(t, page, 'statistics');
      await page.screenshot({ path: '/tmp/reports-statistics.png', fullPage: true });

      // Every count opens exactly the files behind it.
      const codes = await drillCodes(page, count(2, 'Đã giải quyết'), 'Đã giải quyết – Tổng cộng', 2);
      assert.deepEqual(codes, [...resolved].sort());
      await checkAccessibility(t, page, 'statistics (files of a figure)');
      await page.screenshot({ path: '/tmp/reports-statistics-drill.png' });
      await closeDialog(page);
      const pending = await drillCodes(page, count(1, 'Đang giải quyết'), 'Đang giải quyết – Tổng cộng', 1);
      assert.deepEqual(pending, [open]);
      await closeDialog(page);
    });

    await t.test('changing a filter changes the address and the table', async (t) => {
      if (!open) return t.skip('no files were received');
      await page.getByLabel('Thống kê theo').selectOption({ label: 'Kênh' });
      await page.waitForURL((url) => url.searchParams.get('by') === 'channel');
      await page.getByRole('columnheader', { name: 'Kênh' }).waitFor();
      const counter = page.locator('.stats-table tbody tr', {
        has: page.getByRole('rowheader', { name: 'Trực tiếp', exact: true }),
      });
      await counter
        .getByRole('button', {
          name: '3 – xem danh sách hồ sơ: Hồ sơ nhận giải quyết, Trực tiếp',
          exact: true,
        })
        .waitFor();
      // The month before had none of these files; the address names the month shown.
      const number = page.getByLabel('Tháng', { exact: true });
      const current = Number(await number.inputValue());
      if (current > 1) {
        const year = (new URL(page.url()).searchParams.get('period') ?? '').slice(0, 4);
        const before = `${year}-${String(current - 1).padStart(2, '0')}`;
        await number.selectOption(String(current - 1));
        await page.waitForURL((url) => url.searchParams.get('period') === before);
        await page.getByText('Không có hồ sơ nào trong kỳ.').waitFor();
        await number.selectOption(String(current));
        await counter.waitFor();
      }
    });

    await t.test('the XLSX and CSV buttons download the statistics shown', async (t) => {
      if (!open) return t.skip('no files were received');
      const query = new URL(page.url()).search.slice(1);
      for (const [label, type] of [
        ['Bảng tính Excel (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['Tệp CSV', 'text/csv; charset=utf-8'],
      ] as const) {
        const link = page.getByRole('link', { name: label });
        const href = (await link.getAttribute('href')) ?? '';
        const format = label === 'Tệp CSV' ? 'csv' : 'xlsx';
        assert.equal(href, `/api/reports/summary.${format}?${query}`);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.match(download.suggestedFilename(), new RegExp(`^thong-ke-ho-so-\\d{4}-\\d{2}\\.${format}$`));
        const body = await readFile(await download.path());
        const response = await page.request.get(`${base}${href}`);
        assert.equal(response.headers()['content-type'], type);
        if (format === 'xlsx') {
          assert.equal(body.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
          continue;
        }
        const rows = parseCsv(body.toString('utf8'));
        const header = rows[0]!;
        const totalRow = rows.find((r) => r.includes('Tổng cộng'))!;
        const at = (name: RegExp) => totalRow[header.findIndex((h) => name.test(h))];
        assert.ok(header.includes('Kênh'), `the breakdown chosen: ${header.join(' | ')}`);
        assert.equal(at(/^Số hồ sơ nhận giải quyết: Tổng số$/), '3');
        assert.equal(at(/^Số hồ sơ đã giải quyết: Tổng số$/), '2');
      }
    });

    await t.test('the one-stop desk has no report role: no link, and the page says so', async (t) => {
      const desk = await newPage(browser);
      t.after(() => desk.context.close());
      await desk.page.goto(`${base}/dang-nhap`);
      await signIn(desk.page, 'motcua', PASSWORD);
      await desk.page.waitForURL(`${base}/`);
      const nav = desk.page.getByRole('navigation');
      await nav.getByRole('link', { name: 'Tiếp nhận' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Báo cáo thống kê' }).count(), 0);
      assert.equal(await nav.getByRole('link', { name: 'Chỉ số phục vụ (766)' }).count(), 0);
      await desk.page.goto(`${base}/bao-cao/thong-ke`);
      await desk.page
        .getByRole('alert')
        .getByText('Tài khoản chưa được giao vai trò lãnh đạo hoặc vận hành IOC ở đơn vị nào.')
        .waitFor();
      assert.equal(await desk.page.locator('.stats-table').count(), 0);
      const me = (await (await desk.page.request.get(`${base}/api/auth/me`)).json()) as {
        user: { unitId: string };
      };
      const refused = await desk.page.request.get(
        `${base}/api/reports/summary?unitId=${me.user.unitId}&period=2026`,
      );
      assert.equal(refused.status(), 403);
    });

    await t.test(
      'the 766 index ranks the units out of 100; an indicator shows its formula and counts',
      async (t) => {
        if (!open) return t.skip('no files were received');
        const ioc = await newPage(browser);
        t.after(() => ioc.context.close());
        const { page } = ioc;
        await page.goto(`${base}/dang-nhap`);
        await signIn(page, 'vanhanh', PASSWORD);
        await page.waitForURL(`${base}/`);
        await page.getByRole('navigation').getByRole('link', { name: 'Chỉ số phục vụ (766)' }).click();
        await page.getByRole('heading', { level: 1, name: /Quyết định 766\/QĐ-TTg/ }).waitFor();
        await page.waitForURL((url) => /^\d{4}-Q[1-4]$/.test(url.searchParams.get('period') ?? ''));
        const ranking = page.getByRole('region', { name: /^Xếp hạng đơn vị – Quý [IV]+ năm \d{4}/ });
        await ranking.getByRole('columnheader', { name: 'Tổng điểm (/100)' }).waitFor();
        // The commune that received the files is ranked first; its group points add up to its total.
        const commune = ranking.locator('tbody tr', {
          has: page.getByRole('button', { name: 'Xã Đinh Văn Lâm Hà – xem các chỉ số' }),
        });
        const cells = (await commune.getByRole('cell').allInnerTexts()).map((c) => c.trim());
        const [rank, total, band, ...groups] = cells;
        const points = (text: string | undefined) => Number((text ?? '').replace(',', '.'));
        assert.equal(rank, '1');
        assert.ok(points(total) > 0 && points(total) <= 100, `total out of 100: ${total}`);
        assert.equal(groups.length, 6, 'six groups of indicators');
        const sum = groups.reduce((a, g) => a + points(g), 0);
        assert.ok(Math.abs(sum - points(total)) < 0.05, `groups ${groups.join(' + ')} = ${total}`);
        assert.ok(['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu'].includes(band ?? ''), band);
        await ranking.getByRole('row', { name: /Tỉnh Lâm Đồng \(chung\)/ }).waitFor();
        await assertVietnamese(page);
        await checkAccessibility(t, page, 'service index');

        // Its indicators: each with formula, explanation, counts and source; a count opens its files.
        await commune.getByRole('button', { name: 'Xã Đinh Văn Lâm Hà – xem các chỉ số' }).click();
        await page.waitForURL((url) => url.searchParams.has('show'));
        await page.getByRole('heading', { level: 2, name: 'Các chỉ số của Xã Đinh Văn Lâm Hà' }).waitFor();
        await page.getByText(`Xã Đinh Văn Lâm Hà: ${total}/100 điểm, xếp loại ${band}.`).waitFor();
        const progress = page.getByRole('region', { name: /^Tiến độ, kết quả giải quyết: / });
        const onTime = progress.getByRole('row', { name: /^2\.1 Hồ sơ xử lý trước hạn, đúng hạn/ });
        await onTime
          .getByText('Tỷ lệ (%) = Số hồ sơ đã và đang xử lý trước hạn, đúng hạn / Tổng số hồ sơ tiếp nhận', {
            exact: false,
          })
          .waitFor();
        await onTime.getByText(/^Cách tính: /).waitFor();
        await onTime.getByText('Tính từ dữ liệu', { exact: true }).waitFor();
        // The numerator (3) is made of files resolved early, on time and still within time, each a link.
        const part = (n: number, figure: string) =>
          onTime.getByRole('button', { name: `${n} – xem danh sách hồ sơ: ${figure}, Xã Đinh Văn Lâm Hà` });
        await part(2, 'Đã giải quyết trước hạn').waitFor();
        await part(1, 'Đang giải quyết trong hạn').waitFor();
        await page.screenshot({ path: '/tmp/reports-index.png', fullPage: true });
        const received = onTime.getByRole('button', {
          name: '3 – xem danh sách hồ sơ: Hồ sơ nhận giải quyết, Xã Đinh Văn Lâm Hà',
          exact: true,
        });
        const codes = await drillCodes(page, received, 'Hồ sơ nhận giải quyết – Xã Đinh Văn Lâm Hà', 3);
        assert.deepEqual(codes, [...resolved, open].sort());
        await closeDialog(page);
        await checkAccessibility(t, page, 'service index (indicators)');
      },
    );
  });
});
