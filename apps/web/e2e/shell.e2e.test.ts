// The web shell in a real browser against the real server (fresh data folder, demo users).
// Run: node --import tsx --test apps/web/e2e/shell.e2e.test.ts   (needs /usr/bin/chromium and apps/web/dist)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD, checkAccessibility, newPage, screenshot, signIn, withBrowser } from './harness.ts';

void test('web shell in a real browser', async (t) => {
  await withBrowser(t, async ({ base, browser: launched }) => {
    await t.test('a one-stop officer signs in, switches to English and sees their unit', async (t) => {
      const { context, page } = await newPage(launched);
      const apiRequests: { url: string; headers: Record<string, string> }[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/'))
          apiRequests.push({ url: request.url(), headers: request.headers() });
      });

      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/dang-nhap`);
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      await checkAccessibility(t, page, 'login');
      await screenshot(page, '01-login');

      await signIn(page, 'motcua', 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
      await screenshot(page, '02-login-error');

      const loginResponse = page.waitForResponse(
        (r) => r.url().endsWith('/api/auth/login') && r.status() === 200,
      );
      await signIn(page, 'motcua', PASSWORD);
      const { user } = (await (await loginResponse).json()) as {
        user: { fullName: string; unitName: string };
      };
      await page.waitForURL(`${base}/`);
      await page.getByRole('heading', { level: 1, name: `Xin chào, ${user.fullName}` }).waitFor();
      await page.getByRole('heading', { name: 'Cán bộ một cửa' }).waitFor();
      await page.getByText(user.unitName, { exact: true }).first().waitFor();
      await checkAccessibility(t, page, 'home');
      await screenshot(page, '03-home-receptionist');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'One-stop officer' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');

      await page.getByRole('navigation').getByRole('link', { name: 'Administrative units' }).click();
      await page.waitForURL(`${base}/don-vi`);
      await page.getByText('Xã Đinh Văn Lâm Hà', { exact: true }).first().waitFor();
      const unitsRequest = apiRequests.filter((r) => r.url.includes('/api/units?at=')).at(-1);
      assert.equal(unitsRequest?.headers['accept-language'], 'en', 'API calls carry the interface language');
      await checkAccessibility(t, page, 'units (receptionist, English)');
      await screenshot(page, '04-units-receptionist-en');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Administrative units' }).waitFor();
      await page.getByText('Xã Đinh Văn Lâm Hà', { exact: true }).first().waitFor();

      await page.setViewportSize({ width: 360, height: 740 });
      await screenshot(page, '05-units-phone');
      await page.getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { name: 'One-stop officer' }).waitFor();
      await screenshot(page, '06-home-phone');

      const logout = page.waitForRequest((r) => r.url().endsWith('/api/auth/logout'));
      await page.getByRole('button', { name: 'Sign out' }).click();
      assert.ok((await logout).headers()['x-csrf-token'], 'non-GET requests send the CSRF token');
      await page.waitForURL(`${base}/dang-nhap`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await context.close();
    });

    await t.test(
      'an administrator sees the three-level structure of 30/06/2025 and adds a unit',
      async (t) => {
        const { context, page } = await newPage(launched);
        await page.goto(`${base}/don-vi`);
        await page.waitForURL(`${base}/dang-nhap`);
        await signIn(page, 'quantri', PASSWORD);
        await page.waitForURL(`${base}/`);
        await page.getByRole('heading', { name: 'Quản trị hệ thống' }).waitFor();
        await screenshot(page, '07-home-admin');

        await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị hành chính' }).click();
        await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' }).waitFor();
        const threeLevel = page.getByRole('button', { name: '30/06/2025 (3 cấp)' });
        await threeLevel.click();
        assert.equal(await threeLevel.getAttribute('aria-pressed'), 'true');
        assert.equal(await page.getByLabel('Cơ cấu tại ngày').inputValue(), '2025-06-30');
        const tree = page.getByRole('list', { name: 'Cơ cấu đơn vị tại ngày 30/06/2025' });
        await tree.getByText('Huyện Lâm Hà', { exact: true }).waitFor();
        await tree.getByText('Thị trấn Đinh Văn', { exact: true }).waitFor();
        await page.getByText('Sáp nhập vào Xã Đinh Văn Lâm Hà').first().waitFor();
        await page
          .getByText(/Hiệu lực: \d{2}\/\d{2}\/\d{4} – 30\/06\/2025/)
          .first()
          .waitFor();
        await checkAccessibility(t, page, 'units (admin, 30/06/2025)');
        await screenshot(page, '08-units-admin-3-levels');

        await page.getByRole('button', { name: 'Hôm nay (2 cấp)' }).click();
        await page.getByText('Xã Đinh Văn Lâm Hà', { exact: true }).first().waitFor();
        await page
          .getByText(/^Hình thành từ .*Thị trấn Đinh Văn/)
          .first()
          .waitFor();

        await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
        const name = page.getByLabel('Tên đơn vị', { exact: true });
        await page.getByRole('button', { name: 'Thêm đơn vị' }).last().click();
        await page.getByRole('alert').getByText('Tên đơn vị phải có từ 2 đến 200 ký tự.').waitFor();
        assert.equal(await name.getAttribute('aria-invalid'), 'true');
        assert.match((await name.getAttribute('aria-describedby')) ?? '', /unit-name-error/);
        await checkAccessibility(t, page, 'units (admin, form errors)');
        const form = page.getByRole('region', { name: 'Thêm đơn vị' });
        await screenshot(form, '09-unit-form-errors');

        await name.fill('Xã Thử Nghiệm');
        const parent = page.locator('#unit-parent option', { hasText: 'Tỉnh Lâm Đồng' }).first();
        await page.getByLabel('Đơn vị cấp trên').selectOption((await parent.getAttribute('value')) ?? '');
        await page.getByLabel('Hiệu lực từ ngày').fill('2025-07-01');
        await page.getByRole('button', { name: 'Thêm đơn vị' }).last().click();
        await page.getByText('Đã thêm đơn vị Xã Thử Nghiệm.').waitFor();
        const todayTree = page.getByRole('list', { name: /^Cơ cấu đơn vị tại ngày/ });
        await todayTree.getByText('Xã Thử Nghiệm', { exact: true }).waitFor();
        await screenshot(form, '10-unit-created');
        await context.close();
      },
    );

    await t.test('a specialist changes the password and signs in with the new one', async (t) => {
      const { context, page } = await newPage(launched);
      await page.goto(`${base}/doi-mat-khau`);
      await signIn(page, 'chuyenvien', PASSWORD);
      await page.getByRole('heading', { name: 'Chuyên viên' }).waitFor();

      // The demo accounts need no password change; pretend this one does to see the notice.
      await page.route('**/api/auth/me', async (route) => {
        const response = await route.fetch();
        const json = (await response.json()) as { user: { mustChangePassword: boolean } };
        json.user.mustChangePassword = true;
        await route.fulfill({ response, json });
      });
      await page.reload();
      await page.getByRole('heading', { name: 'Bạn cần đổi mật khẩu' }).waitFor();
      await screenshot(page, '11-home-must-change-password');
      await page.unroute('**/api/auth/me');
      await page.getByRole('link', { name: 'Đổi mật khẩu ngay' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
      assert.equal(await page.title(), 'Đổi mật khẩu – motcua');

      const newPassword = 'mot-cau-rat-dai-2025';
      await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
      await page.getByLabel('Nhập lại mật khẩu mới').fill('something-else-2025');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('alert').getByText('Mật khẩu nhập lại không khớp với mật khẩu mới.').waitFor();
      assert.equal(await page.getByLabel('Nhập lại mật khẩu mới').getAttribute('aria-invalid'), 'true');
      await checkAccessibility(t, page, 'password (errors)');
      await screenshot(page, '12-password-errors');

      await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByText('Đã đổi mật khẩu thành công.').waitFor();
      await screenshot(page, '13-password-changed');

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL(`${base}/dang-nhap`);
      await signIn(page, 'chuyenvien', newPassword);
      await page.waitForURL(`${base}/`);
      await page.getByRole('heading', { name: 'Chuyên viên' }).waitFor();
      await context.close();
    });
  });
});
