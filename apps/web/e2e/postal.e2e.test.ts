// A file that arrives by post: postal intake, a supplement request during processing, the supplement
// received, an apology with a new date (Mẫu 04), approval, and the result returned by post; then the
// postal log and the public lookup.
// Run: node --import tsx --test apps/web/e2e/postal.e2e.test.ts   (needs /usr/bin/chromium and apps/web/dist)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD, act, checkAccessibility, newPage, screenshot, signIn, withBrowser } from './harness.ts';

const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

void test('a postal application with a supplement and an apology, returned by post', async (t) => {
  await withBrowser(t, async ({ base, browser }) => {
    const desk = await newPage(browser);
    const leader = await newPage(browser);
    const specialist = await newPage(browser);
    let applicationId = '';
    let code = '';
    let lookupKey = '';
    let dueAt = '';
    const open = async (page: typeof desk.page) => {
      await page.goto(`${base}/ho-so/${applicationId}`);
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    };

    await t.test('the receptionist records a file that came by post', async (t) => {
      const { page } = desk;
      await page.goto(`${base}/dang-nhap`);
      await signIn(page, 'motcua', PASSWORD);
      await page.waitForURL(`${base}/`);
      await page.goto(`${base}/tiep-nhan`);
      await page.getByLabel('Tìm thủ tục').fill('nhan cha me con');
      const hit = page
        .getByRole('list', { name: 'Kết quả tìm kiếm' })
        .locator('button', {
          has: page.locator('.search-result__name', { hasText: /^Đăng ký nhận cha, mẹ, con$/ }),
        })
        .first();
      await hit.click();
      await page.getByText('Thời hạn giải quyết').waitFor();
      await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Bình');
      await page.getByLabel('Địa chỉ', { exact: true }).fill('Thôn Phúc Thọ, xã Đinh Văn Lâm Hà, Lâm Đồng');
      await page.getByRole('group', { name: 'Hình thức nộp' }).getByLabel('Qua bưu chính').check();
      await page.getByLabel('Số hiệu bưu gửi').fill('EB123456789VN');
      await page.getByLabel('Ngày nhận bưu gửi').fill(todayInVietnam());
      await page.getByRole('group', { name: 'Hình thức nhận kết quả' }).getByLabel('Qua bưu chính').check();
      await checkAccessibility(t, page, 'intake (postal)');
      await screenshot(page, 'postal-01-intake');
      const created = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/applications'),
      );
      await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
      const response = await created;
      assert.equal(response.status(), 201);
      const { application } = (await response.json()) as {
        application: { id: string; code: string; lookupKey: string; channel: number; dueAt: string };
      };
      ({ id: applicationId, code, lookupKey, dueAt } = application);
      assert.equal(application.channel, 3, 'DVCQG channel 3: bưu chính công ích');
      await page.getByRole('heading', { name: `Đã tiếp nhận hồ sơ ${code}.` }).waitFor();

      await open(page);
      await act(page, 'Chuyển xử lý', async () => {
        const unit = page.locator('#action-unit option', { hasText: /^Xã Đinh Văn Lâm Hà$/ }).first();
        await page.getByLabel('Đơn vị giải quyết').selectOption((await unit.getAttribute('value')) ?? '');
      });
    });

    await t.test('the leader assigns it; the specialist asks for a supplement', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      await leader.page.goto(`${base}/dang-nhap`);
      await signIn(leader.page, 'lanhdao', PASSWORD);
      await leader.page.waitForURL(`${base}/`);
      await open(leader.page);
      await act(leader.page, 'Phân công', async () => {
        await leader.page.getByLabel('Chọn cán bộ').selectOption({ label: 'Phạm Thu Hà (chuyên viên)' });
      });

      const { page } = specialist;
      await page.goto(`${base}/dang-nhap`);
      await signIn(page, 'chuyenvien', PASSWORD);
      await page.waitForURL(`${base}/`);
      await open(page);
      await act(page, 'Yêu cầu bổ sung', async () => {
        await page.getByLabel('Lý do').fill('Bổ sung văn bản của người làm chứng');
      });
      await page.locator('.facts').getByText('Chờ bổ sung').waitFor();
      await screenshot(page, 'postal-02-supplement-requested');
      await page.getByRole('link', { name: 'Phiếu yêu cầu bổ sung (Mẫu 02)' }).waitFor();
      await act(page, 'Đã nhận bổ sung');
      await page.locator('.facts').getByText('Đang xử lý').waitFor();
      await checkAccessibility(t, page, 'application (supplement received)');
    });

    await t.test('the specialist sees it will be late and issues an apology with a new date', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const { page } = specialist;
      // The current appointment (moved by the supplement) and a working day two days after it.
      const current = (await (
        await page.request.get(`${base}/api/applications/${applicationId}`)
      ).json()) as {
        application: { dueAt: string };
      };
      dueAt = current.application.dueAt;
      const later = (await (
        await page.request.get(
          `${base}/api/calendar/due-date?receivedAt=${encodeURIComponent(dueAt)}&amount=2&unit=working_days`,
        )
      ).json()) as { dueDate: string };
      await act(page, 'Xin lỗi, hẹn lại ngày trả', async () => {
        await page.getByText(/Phải ban hành chậm nhất/).waitFor();
        await page.getByLabel('Ngày hẹn trả mới').fill(later.dueDate);
        await page.getByLabel('Lý do chậm trả kết quả').fill('Chờ kết quả xác minh của Công an xã');
        await checkAccessibility(t, page, 'application (apology form)');
        await screenshot(page, 'postal-03-apology-form');
      });
      const facts = page.locator('.facts');
      await facts.getByText('Hạn ghi trên giấy hẹn').waitFor();
      await facts.getByText(new RegExp(`^${ddmmyyyy(later.dueDate)} 17:00$`)).waitFor();
      await facts.getByText('Tính là trễ hạn').waitFor();
      const letter = page.getByRole('link', { name: 'Văn bản xin lỗi, hẹn lại (Mẫu 04)' });
      const pdf = await page.request.get(`${base}${await letter.getAttribute('href')}`);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal(
        await page.getByRole('button', { name: 'Xin lỗi, hẹn lại ngày trả', exact: true }).count(),
        0,
        'the date can be set again only once',
      );
      await screenshot(page, 'postal-04-after-apology');
      await act(page, 'Trình phê duyệt');
    });

    await t.test('the leader approves from the approval list', async () => {
      if (!applicationId) return;
      const { page } = leader;
      await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ' }).click();
      await page.getByLabel('Danh sách').selectOption({ label: 'Chờ phê duyệt' });
      await page
        .getByRole('row', { name: new RegExp(code) })
        .getByRole('link', { name: code })
        .click();
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
      await act(page, 'Phê duyệt');
    });

    await t.test('the desk returns it by post, and it is in the postal log', async (t) => {
      if (!applicationId) return t.skip('no application was received');
      const { page } = desk;
      await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ' }).click();
      await page.getByLabel('Danh sách').selectOption({ label: 'Trả kết quả' });
      await page
        .getByRole('row', { name: new RegExp(code) })
        .getByRole('link', { name: code })
        .click();
      await act(page, 'Trả kết quả', async () => {
        assert.equal(await page.getByLabel('Hình thức trả').inputValue(), 'post');
        await page.getByLabel('Số hiệu bưu gửi').fill('EB987654321VN');
      });
      await page.locator('.facts').getByText('Đã trả kết quả').waitFor();

      await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ' }).click();
      await page.getByLabel('Danh sách').selectOption({ label: 'Sổ bưu chính' });
      await page.getByRole('row', { name: new RegExp(code) }).waitFor();
      await checkAccessibility(t, page, 'queue (postal log)');
      await screenshot(page, 'postal-05-postal-log');
    });

    await t.test('the lookup shows every step, the supplement and the apology', async () => {
      if (!applicationId) return;
      const { context, page } = await newPage(browser);
      await page.goto(`${base}/tra-cuu?ma=${encodeURIComponent(code)}&khoa=${encodeURIComponent(lookupKey)}`);
      const steps = page.getByRole('list', { name: 'Các bước xử lý' }).getByRole('listitem');
      await steps.last().getByText('Đã trả kết quả').waitFor();
      assert.equal(await page.getByText('Trần Văn Bình').count(), 0, 'the applicant name is masked');
      await screenshot(page, 'postal-06-lookup');
      await context.close();
    });

    for (const { context } of [desk, leader, specialist]) await context.close();
  });
});
