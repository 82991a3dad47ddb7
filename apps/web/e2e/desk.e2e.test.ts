// One application through the one-stop desk in a real browser: intake, transfer, assignment, approval,
// return of the result, then the public lookup without signing in.
// Run: node --import tsx --test apps/web/e2e/desk.e2e.test.ts   (needs /usr/bin/chromium and apps/web/dist)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD, act, checkAccessibility, newPage, screenshot, signIn, withBrowser } from './harness.ts';

void test('an application through the desk in a real browser', async (t) => {
  await withBrowser(t, async ({ base, browser }) => {
    const desk = await newPage(browser);
    const leader = await newPage(browser);
    const specialist = await newPage(browser);
    let applicationId = '';
    let code = '';
    let lookupKey = '';

    await t.test('the receptionist receives a birth registration at the counter', async (t) => {
      const { page } = desk;
      await page.goto(`${base}/tiep-nhan`);
      await page.waitForURL(`${base}/dang-nhap`);
      await signIn(page, 'motcua', PASSWORD);
      await page.waitForURL(`${base}/`);
      await page.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();

      await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
      const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
      const birth = results
        .locator('button', { has: page.locator('.search-result__name', { hasText: /^Đăng ký khai sinh$/ }) })
        .first();
      await birth.waitFor();
      await checkAccessibility(t, page, 'intake (search results)');
      await screenshot(page, 'desk-01-intake-search');
      await birth.click();
      await page.getByText('Thời hạn giải quyết').waitFor();
      assert.ok((await page.locator('.doc-row').count()) > 0, 'the required documents are listed');
      assert.ok(await page.locator('.doc-row input[type=checkbox]').first().isChecked());

      // The citizen ID is checked when the officer leaves the field.
      const idNumber = page.getByLabel('Số định danh cá nhân');
      await idNumber.fill('12345');
      await page.getByLabel('Số điện thoại').focus();
      await page.getByText('Số định danh cá nhân phải gồm đúng 12 chữ số.').waitFor();
      assert.equal(await idNumber.getAttribute('aria-invalid'), 'true');
      await idNumber.fill('068123456789');
      await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Lan');
      await page.getByLabel('Số điện thoại').fill('0912345678');
      await page.getByLabel('Địa chỉ', { exact: true }).fill('Thôn Đinh Văn, xã Đinh Văn Lâm Hà, Lâm Đồng');
      await checkAccessibility(t, page, 'intake (filled)');
      await screenshot(page, 'desk-02-intake-filled');

      const posted = page.waitForRequest(
        (r) => r.method() === 'POST' && r.url().endsWith('/api/applications'),
      );
      const created = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/applications'),
      );
      await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
      assert.match((await posted).headers()['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/);
      const response = await created;
      assert.equal(response.status(), 201);
      const { application } = (await response.json()) as {
        application: { id: string; code: string; lookupKey: string };
      };
      ({ id: applicationId, code, lookupKey } = application);
      await page.getByRole('heading', { name: `Đã tiếp nhận hồ sơ ${code}.` }).waitFor();
      await page.getByText(lookupKey, { exact: true }).waitFor();
      await page
        .getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
        .first()
        .waitFor();
      const receipt = page.getByRole('link', { name: /In giấy tiếp nhận/ });
      assert.equal(await receipt.getAttribute('href'), `/api/applications/${applicationId}/receipt.pdf`);
      assert.equal(await receipt.getAttribute('target'), '_blank');
      await checkAccessibility(t, page, 'intake (received)');
      await screenshot(page, 'desk-03-intake-received');
    });

    await t.test('the receptionist finds it in the queue and transfers it to the commune', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const { page } = desk;
      await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ' }).waitFor();
      const row = page.getByRole('row', { name: new RegExp(code) });
      await row.getByText('Đã tiếp nhận').waitFor();
      await row.getByText('Nguyễn Thị Lan').waitFor();
      await checkAccessibility(t, page, 'queue');
      await screenshot(page, 'desk-04-queue');

      await row.getByRole('link', { name: code }).click();
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
      await checkAccessibility(t, page, 'application (received)');
      await act(page, 'Chuyển xử lý', async () => {
        const unit = page.locator('#action-unit option', { hasText: /^Xã Đinh Văn Lâm Hà$/ }).first();
        await page.getByLabel('Đơn vị giải quyết').selectOption((await unit.getAttribute('value')) ?? '');
        await screenshot(page, 'desk-05-transfer-form');
      });
      await page.locator('.facts').getByText('Đã chuyển xử lý').waitFor();
    });

    await t.test('the leader assigns it to the specialist, picked by name', async (t) => {
      await specialist.page.goto(`${base}/dang-nhap`);
      await signIn(specialist.page, 'chuyenvien', PASSWORD);

      const { page } = leader;
      await page.goto(`${base}/ho-so`);
      await signIn(page, 'lanhdao', PASSWORD);
      await page.waitForURL(`${base}/`);
      await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ' }).click();
      await page
        .getByRole('row', { name: new RegExp(code) })
        .getByRole('link', { name: code })
        .click();
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
      await act(page, 'Phân công', async () => {
        await page.getByLabel('Chọn cán bộ').selectOption({ label: 'Phạm Thu Hà (chuyên viên)' });
        await checkAccessibility(t, page, 'application (assign form)');
        await screenshot(page, 'desk-06-assign-form');
      });
      await page.locator('.facts').getByText('Đang xử lý').waitFor();
    });

    await t.test(
      'the specialist submits it; the leader, on a stale page, gets a conflict, then approves',
      async () => {
        await specialist.page.goto(`${base}/ho-so/${applicationId}`);
        await specialist.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
        await act(specialist.page, 'Trình phê duyệt');
        await specialist.page.locator('.facts').getByText('Chờ phê duyệt').waitFor();

        // The leader's page still shows the file as being processed: acting on it is a 409, then a reload.
        const { page } = leader;
        await page.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
        await page.getByLabel('Lý do').fill('Thiếu bản sao giấy chứng sinh');
        await page.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung' }).click();
        await page
          .getByRole('alert')
          .getByText(/đã tải lại hồ sơ/)
          .waitFor();
        await page.locator('.facts').getByText('Chờ phê duyệt').waitFor();
        await screenshot(page, 'desk-07-conflict');
        await act(page, 'Phê duyệt');
        await leader.page.locator('.facts').getByText('Có kết quả, chờ trả').waitFor();
      },
    );

    await t.test('the receptionist returns the result at the counter', async (t) => {
      const { page } = desk;
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
      await act(page, 'Trả kết quả', async () => {
        assert.equal(await page.getByLabel('Hình thức trả').inputValue(), 'counter');
      });
      await page.locator('.facts').getByText('Đã trả kết quả').waitFor();
      await page.getByText('Hồ sơ không còn thao tác nào.').waitFor();
      const timeline = page.locator('ol.timeline > li');
      assert.equal(await timeline.count(), 6);
      await timeline.last().getByText('Có kết quả, chờ trả → Đã trả kết quả').waitFor();
      await checkAccessibility(t, page, 'application (returned)');
      await screenshot(page, 'desk-08-application-returned');
    });

    await t.test('anyone with the slip looks it up without signing in', async (t) => {
      const { context, page } = await newPage(browser);
      await page.goto(`${base}/tra-cuu?ma=${encodeURIComponent(code)}&khoa=${encodeURIComponent(lookupKey)}`);
      await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
      await page.getByRole('heading', { level: 2, name: `Hồ sơ ${code}` }).waitFor();
      assert.equal(await page.getByLabel('Mã hồ sơ').inputValue(), code);
      const steps = page.getByRole('list', { name: 'Các bước xử lý' }).getByRole('listitem');
      assert.equal(await steps.count(), 6);
      await steps.first().getByText('Được tiếp nhận').waitFor();
      await steps.last().getByText('Đã trả kết quả').waitFor();
      await page.getByText('Đăng ký khai sinh', { exact: true }).waitFor();
      assert.equal(await page.getByText('Nguyễn Thị Lan').count(), 0, 'the applicant name is masked');
      await checkAccessibility(t, page, 'lookup (found)');
      await screenshot(page, 'desk-09-lookup');

      await page.getByLabel('Mã tra cứu').fill('WRONG1');
      await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      await page.getByRole('alert').getByText('Không tìm thấy hồ sơ hoặc mã tra cứu không đúng').waitFor();
      await screenshot(page, 'desk-10-lookup-not-found');

      await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      await page.getByRole('link', { name: 'Người dân tra cứu hồ sơ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
      await context.close();
    });

    for (const { context } of [desk, leader, specialist]) await context.close();
  });
});
