// The digital record of an application in a real browser: the desk uploads scans of the submitted documents,
// a file of the wrong type is refused next to its document, a second file reuses a scan, the report opens,
// a result is drafted, signed by the leader and sealed by the desk (demo keys, PIN = the demo password), and
// the citizen downloads it from the lookup and verifies it on /xac-minh (intact, then a changed copy).
// Run: node scripts/test.mjs --only apps/web/e2e/records.e2e.test.ts   (needs /usr/bin/chromium and apps/web/dist)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { tinyPdf } from './pdf.ts';
import { PASSWORD, act, checkAccessibility, newPage, screenshot, signIn, withBrowser } from './harness.ts';

/** Receives a birth registration with every listed document ticked; returns its id and code. */
async function receiveBirthRegistration(
  page: Page,
): Promise<{ id: string; code: string; lookupKey: string }> {
  await page.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
  await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
  const birth = page
    .getByRole('list', { name: 'Kết quả tìm kiếm' })
    .locator('button', { has: page.locator('.search-result__name', { hasText: /^Đăng ký khai sinh$/ }) })
    .first();
  await birth.click();
  await page.getByText('Thời hạn giải quyết').waitFor();
  const boxes = page.locator('.doc-row input[type=checkbox]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.getByLabel('Số định danh cá nhân').fill('068123456780');
  await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Minh');
  await page.getByLabel('Số điện thoại').fill('0912345670');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('Thôn Đinh Văn, xã Đinh Văn Lâm Hà, Lâm Đồng');
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/applications'),
  );
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  const response = await created;
  assert.equal(response.status(), 201);
  const { application } = (await response.json()) as {
    application: { id: string; code: string; lookupKey: string };
  };
  return application;
}

void test('the desk digitizes the documents of an application', async (t) => {
  await withBrowser(t, async ({ base, browser }) => {
    const desk = await newPage(browser);
    const { page } = desk;
    let applicationId = '';
    let code = '';
    let lookupKey = '';
    const leader = await newPage(browser);

    await t.test('the receptionist receives a file and opens it', async () => {
      await page.goto(`${base}/dang-nhap`);
      await signIn(page, 'motcua', PASSWORD);
      await page.waitForURL(`${base}/`);
      ({ id: applicationId, code, lookupKey } = await receiveBirthRegistration(page));
      await page.goto(`${base}/ho-so/${applicationId}`);
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Hồ sơ số hóa' }).waitFor();
      await page.getByText(/^Đã số hóa 0\/\d+ thành phần hồ sơ\./).waitFor();
    });

    await t.test('three scans are uploaded and marked digitized with their pages', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const list = page.getByRole('list', { name: 'Thành phần hồ sơ và tình trạng số hóa' });
      const rows = list.getByRole('listitem');
      assert.ok((await rows.count()) >= 4, 'the four documents of a birth registration are listed');
      await rows.nth(3).getByText('Chưa số hóa').waitFor();

      for (const position of [1, 2, 3]) {
        const uploaded = page.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().endsWith(`/documents/${position}/file`),
        );
        await page.locator(`#scan-${position}`).setInputFiles({
          name: `scan-${position}.pdf`,
          mimeType: 'application/pdf',
          buffer: tinyPdf(position),
        });
        assert.equal((await uploaded).status(), 200);
        await rows
          .nth(position - 1)
          .getByText(`Đã số hóa · ${position} trang`)
          .waitFor();
      }
      await page.getByText(/^Đã số hóa 3\/\d+ thành phần hồ sơ\./).waitFor();

      const open = rows.nth(1).getByRole('link', { name: 'Xem bản số hóa' });
      const href = (await open.getAttribute('href')) ?? '';
      assert.equal(href, `/api/applications/${applicationId}/documents/2/file`);
      const scan = await page.request.get(`${base}${href}`);
      assert.equal(scan.status(), 200);
      assert.equal((await scan.body()).subarray(0, 5).toString('latin1'), '%PDF-');

      await checkAccessibility(t, page, 'application (records)');
      await screenshot(page.locator('section.records').first(), 'records-01-digitized');
    });

    await t.test('a text file named .pdf is refused next to its document; nothing changes', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const row = page
        .getByRole('list', { name: 'Thành phần hồ sơ và tình trạng số hóa' })
        .getByRole('listitem')
        .nth(3);
      const refused = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/documents/4/file'),
      );
      await page.locator('#scan-4').setInputFiles({
        name: 'khong-phai-pdf.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('Đây không phải là tệp PDF, chỉ là văn bản thuần.\n', 'utf8'),
      });
      const response = await refused;
      assert.ok(response.status() >= 400 && response.status() < 500, `refused with ${response.status()}`);
      const problem = (await response.json()) as { detail?: string; title: string };
      const alert = row.getByRole('alert');
      await alert.waitFor();
      assert.ok(((await alert.textContent()) ?? '').includes(problem.detail ?? problem.title));
      await row.getByText('Chưa số hóa').waitFor();
      await page.getByText(/^Đã số hóa 3\/\d+ thành phần hồ sơ\./).waitFor();
      assert.equal(await page.locator('#scan-4').getAttribute('aria-invalid'), 'true');
      await checkAccessibility(t, page, 'application (refused upload)');
      await screenshot(page.locator('section.records').first(), 'records-02-refused');

      const records = await page.request.get(`${base}/api/applications/${applicationId}/records`);
      const body = (await records.json()) as { components: { position: number; digitized: boolean }[] };
      assert.deepEqual(
        body.components.map((c) => c.digitized),
        body.components.map((c) => c.position <= 3),
      );
    });

    await t.test('a second file of the same citizen reuses a scan instead of asking again', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const second = await receiveBirthRegistration(page);
      await page.goto(`${base}/ho-so/${second.id}`);
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${second.code}` }).waitFor();
      const reuse = page.getByRole('region', { name: 'Dùng lại giấy tờ đã nộp' });
      const offered = reuse
        .getByRole('listitem')
        .filter({ has: page.locator('.record-row__name', { hasText: /^Giấy chứng sinh$/ }) });
      await offered.waitFor();
      // The same name in both files: the officer only confirms the suggested document.
      assert.equal(await offered.getByLabel('Dùng cho thành phần').inputValue(), '2');
      await offered.getByRole('button', { name: /^Dùng lại/ }).click();
      const row = page
        .getByRole('list', { name: 'Thành phần hồ sơ và tình trạng số hóa' })
        .getByRole('listitem')
        .nth(1);
      await row.getByText(`Dùng lại từ ${code}`).waitFor();
      await row.getByText('Đã số hóa · 2 trang').waitFor();
      await checkAccessibility(t, page, 'application (reused)');
      await screenshot(page.locator('section.records').first(), 'records-05-reused');
      await page.goto(`${base}/ho-so/${applicationId}`);
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    });

    await t.test('the digitization report opens for the desk', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo số hóa' }).click();
      await page.getByRole('heading', { level: 1, name: 'Báo cáo số hóa và ký số' }).waitFor();
      const table = page.getByRole('region', { name: 'Số hóa hồ sơ, kết quả' }).getByRole('table');
      await table.getByRole('row', { name: /Tổng cộng/ }).waitFor();
      await checkAccessibility(t, page, 'digitization report');
      await screenshot(page, 'records-06-report');
      await page.goto(`${base}/ho-so/${applicationId}`);
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    });

    await t.test(
      'the leader of the deciding commune drafts a result; it is listed with its preview',
      async (t) => {
        if (!applicationId) return t.skip('no application was received');
        // Results are drafted by the deciding unit while it processes the file: transfer, then assignment.
        await act(desk.page, 'Chuyển xử lý', async () => {
          const unit = desk.page.locator('#action-unit option', { hasText: /^Xã Đinh Văn Lâm Hà$/ }).first();
          await desk.page
            .getByLabel('Đơn vị giải quyết')
            .selectOption((await unit.getAttribute('value')) ?? '');
        });
        const { page } = leader;
        await page.goto(`${base}/dang-nhap`);
        await signIn(page, 'lanhdao', PASSWORD);
        await page.waitForURL(`${base}/`);
        await page.goto(`${base}/ho-so/${applicationId}`);
        await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
        await act(page, 'Phân công', async () => {
          await page.getByLabel('Chọn cán bộ').selectOption({ label: 'Phạm Thu Hà (chuyên viên)' });
        });
        await page.getByRole('heading', { level: 2, name: 'Kết quả giải quyết' }).waitFor();
        const draft = page.getByRole('button', { name: 'Soạn dự thảo kết quả' });
        if ((await draft.count()) === 0) return t.skip('this officer may not draft results');
        await draft.click();
        assert.equal(await page.getByLabel('Tên loại văn bản').inputValue(), 'QUYẾT ĐỊNH');
        assert.equal(await page.getByLabel('Ký hiệu văn bản').inputValue(), 'QĐ-UBND');
        await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
        await page.getByRole('alert').getByText('Vui lòng nhập trích yếu (ít nhất 5 ký tự).').waitFor();
        await page.getByLabel('Trích yếu nội dung').fill('Về việc đăng ký khai sinh cho cháu Trần Minh An');
        await page
          .getByLabel('Nội dung', { exact: true })
          .fill('Căn cứ Luật Hộ tịch năm 2014;\n\nĐăng ký khai sinh cho cháu Trần Minh An.');
        const saved = page.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().endsWith('/results'),
        );
        await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
        const response = await saved;
        assert.ok(response.ok(), `draft refused: ${response.status()} ${await response.text()}`);
        const results = page.getByRole('list', { name: 'Văn bản kết quả' });
        await results.getByText(`${code}-KQ1`).waitFor();
        await results.getByText('Dự thảo', { exact: true }).waitFor();
        const preview = results.getByRole('link', { name: /Xem trước dự thảo/ });
        assert.equal(await preview.getAttribute('href'), `/api/applications/${applicationId}/results/1/file`);
        await checkAccessibility(t, page, 'application (draft result)');
        await screenshot(page, 'records-03-application');
      },
    );

    let signedPdf: Buffer | null = null;

    await t.test('the leader signs the draft with the PIN; a wrong PIN is refused inline', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const specialist = await newPage(browser);
      await specialist.page.goto(`${base}/dang-nhap`);
      await signIn(specialist.page, 'chuyenvien', PASSWORD);
      await specialist.page.waitForURL(`${base}/`);
      await specialist.page.goto(`${base}/ho-so/${applicationId}`);
      await specialist.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
      await act(specialist.page, 'Trình phê duyệt');
      await specialist.context.close();

      const { page } = leader;
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Kết quả giải quyết' }).waitFor();
      const results = page.getByRole('list', { name: 'Văn bản kết quả' });
      await results.getByRole('button', { name: 'Ký số' }).click();
      const pin = page.getByLabel('Mã PIN chữ ký số của bạn');
      assert.equal(await pin.getAttribute('type'), 'password');
      assert.equal(await pin.getAttribute('autocomplete'), 'off');
      await pin.fill('sai-ma-pin');
      await page.getByRole('button', { name: 'Ký văn bản' }).click();
      await page.locator('#result-1-pin-error').waitFor();
      assert.equal(await pin.inputValue(), '', 'the PIN is not kept after an answer');
      await checkAccessibility(t, page, 'application (sign form, wrong PIN)');
      await pin.fill(PASSWORD);
      await page.getByRole('button', { name: 'Ký văn bản' }).click();
      await results.getByText('Lãnh đạo đã ký', { exact: true }).waitFor();
      await act(page, 'Phê duyệt');
    });

    await t.test('the desk applies the digital seal', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      await page.reload();
      const results = page.getByRole('list', { name: 'Văn bản kết quả' });
      await results.getByRole('button', { name: 'Đóng dấu số (ký số tổ chức)' }).click();
      await page.getByLabel('Mã PIN khóa ký số của cơ quan').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đóng dấu số', exact: true }).click();
      await results.getByText('Đã đóng dấu số', { exact: true }).waitFor();
      await checkAccessibility(t, page, 'application (sealed)');
      await screenshot(page.locator('section.records').nth(1), 'records-07-sealed');
    });

    await t.test('the citizen downloads the e-result from the lookup and verifies it', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const { context, page: visitor } = await newPage(browser);
      t.after(() => context.close());
      await visitor.goto(
        `${base}/tra-cuu?ma=${encodeURIComponent(code)}&khoa=${encodeURIComponent(lookupKey)}`,
      );
      await visitor.getByRole('heading', { level: 2, name: `Hồ sơ ${code}` }).waitFor();
      const download = visitor.getByRole('link', { name: /Tải kết quả điện tử \(PDF có chữ ký số\)/ });
      await download.waitFor();
      const href = (await download.getAttribute('href')) ?? '';
      assert.equal(href, `/api/public/applications/${code}/results/1?key=${encodeURIComponent(lookupKey)}`);
      await checkAccessibility(t, visitor, 'lookup (with e-results)');
      await screenshot(visitor, 'records-08-lookup-results');
      const response = await context.request.get(`${base}${href}`);
      assert.equal(response.status(), 200);
      signedPdf = await response.body();

      await visitor.getByRole('link', { name: 'Kiểm tra chữ ký số của tệp đã tải' }).click();
      await visitor.getByRole('heading', { level: 1, name: 'Xác minh văn bản điện tử' }).waitFor();
      await visitor.getByLabel('Tệp PDF cần xác minh').setInputFiles({
        name: `${code}-KQ1.pdf`,
        mimeType: 'application/pdf',
        buffer: signedPdf,
      });
      await visitor.getByRole('button', { name: 'Xác minh', exact: true }).click();
      await visitor
        .getByRole('heading', { level: 2, name: 'Văn bản còn nguyên vẹn, chữ ký số hợp lệ' })
        .waitFor();
      // The demo keys chain to the demo root: the page says the document has no legal value.
      await visitor.getByText('Chứng thư số thử nghiệm (demo) — không có giá trị pháp lý').waitFor();
      assert.equal(await visitor.locator('.signature-card').count(), 2, 'the leader and the seal');
      await visitor
        .getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/)
        .first()
        .waitFor();
      await checkAccessibility(t, visitor, 'verify (valid)');
      await screenshot(visitor, 'records-09-verify-valid');
    });

    await t.test('a changed copy of the e-result is reported as tampered', async (t) => {
      if (!signedPdf) return t.skip('no signed result was downloaded');
      const { context, page: visitor } = await newPage(browser);
      t.after(() => context.close());
      // Change one byte inside the first signed range (just past the header): the digest no longer matches.
      const changed = Buffer.from(signedPdf);
      const at = changed.indexOf('/Type', 20);
      changed[at + 1] = 'X'.charCodeAt(0);
      await visitor.goto(`${base}/xac-minh`);
      await visitor.getByLabel('Tệp PDF cần xác minh').setInputFiles({
        name: 'da-sua.pdf',
        mimeType: 'application/pdf',
        buffer: changed,
      });
      await visitor.getByRole('button', { name: 'Xác minh', exact: true }).click();
      await visitor.getByRole('heading', { level: 2, name: 'Văn bản đã bị thay đổi sau khi ký' }).waitFor();
      await screenshot(visitor, 'records-10-verify-tampered');
    });

    await t.test('anyone checks a PDF on /xac-minh without signing in', async (t) => {
      const { context, page: visitor } = await newPage(browser);
      await visitor.goto(`${base}/tra-cuu`);
      await visitor.getByRole('link', { name: 'Xác minh văn bản điện tử có chữ ký số' }).click();
      await visitor.getByRole('heading', { level: 1, name: 'Xác minh văn bản điện tử' }).waitFor();
      await visitor.getByRole('button', { name: 'Xác minh', exact: true }).click();
      await visitor.getByRole('alert').getByText('Vui lòng chọn một tệp PDF.').waitFor();
      await visitor.getByLabel('Tệp PDF cần xác minh').setInputFiles({
        name: 'khong-ky.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf(1),
      });
      await visitor.getByRole('button', { name: 'Xác minh', exact: true }).click();
      await visitor.getByRole('heading', { level: 2, name: 'Văn bản không có chữ ký số' }).waitFor();
      await checkAccessibility(t, visitor, 'verify (unsigned)');
      await screenshot(visitor, 'records-04-verify-unsigned');
      await context.close();
    });

    for (const { context } of [desk, leader]) await context.close();
  });
});
