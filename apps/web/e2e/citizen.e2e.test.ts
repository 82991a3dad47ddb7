// The citizen's journey in a real browser (issue 5): find "Đăng ký khai sinh" by typing without accents, sign
// up with a code sent by e-mail (or through the local OpenID Connect provider), file online with two
// documents, get the code by e-mail; the desk asks for one more document; the citizen adds it; the file is
// processed and the signed result returned online; the citizen downloads it and rates the service.
// Run: node scripts/test.mjs --only apps/web/e2e/citizen.e2e.test.ts   (needs /usr/bin/chromium and apps/web/dist)
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  startOidcProvider,
  type TestOidcProvider,
} from '../../server/src/modules/citizens/oidc/test-provider.ts';
import { procedureContent } from '../../server/test/citizens.ts';
import { tinyPdf } from './pdf.ts';
import { PASSWORD, act, checkAccessibility, newPage, screenshot, signIn, withBrowser } from './harness.ts';
import { freePort, staff, startMailbox, type Mailbox } from './citizen-support.ts';

type SignInWay =
  { kind: 'code'; email: string; name: string } | { kind: 'oidc'; account: string; email: string };

async function signInWithCode(t: TestContext, page: Page, mailbox: Mailbox, email: string, name: string) {
  const seen = mailbox.mails.length;
  await page.getByLabel('Thư điện tử hoặc số điện thoại di động').fill(email);
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  await page.getByText(`Đã gửi mã đến`).waitFor();
  const mail = await mailbox.next(email, /\b\d{6}\b/, seen);
  await checkAccessibility(t, page, 'citizen sign-in code');
  await page.getByLabel('Mã đăng nhập (6 chữ số)').fill(/\b(\d{6})\b/.exec(mail.text)![1]!);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function signInWithOidc(page: Page, account: string) {
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).click();
  // oidc-provider's development login and consent pages stand in for VNeID's.
  await page.locator('input[name=login]').fill(account);
  await page.locator('input[name=password]').fill('x');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
}

async function journey(t: TestContext, browser: Browser, base: string, mailbox: Mailbox, way: SignInWay) {
  const { page } = await newPage(browser);
  const tag = way.kind;
  let id = '';
  let code = '';

  await t.test(`${tag}: find the procedure without accents, then sign in to file`, async () => {
    await page.goto(`${base}/thu-tuc`);
    await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập / Đăng ký' }).waitFor();
    await checkAccessibility(t, page, 'citizen sign-in');
    if (way.kind === 'code') await signInWithCode(t, page, mailbox, way.email, way.name);
    else await signInWithOidc(page, way.account);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến: Đăng ký khai sinh' }).waitFor();
  });

  await t.test(`${tag}: file online with two documents; the code comes by e-mail`, async () => {
    await checkAccessibility(t, page, 'filing form');
    const seen = mailbox.mails.length;
    await page.locator('#f-applicant-id_number').fill('068190001234');
    await page.getByLabel('Địa chỉ liên hệ').fill('Thôn Đinh Văn, xã Đinh Văn Lâm Hà, Lâm Đồng');
    await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').fill('Trần Gia An');
    await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-20');
    await page.getByLabel('Giới tính').selectOption('nu');
    await page.getByLabel('Dân tộc').fill('Kinh');
    await page.getByLabel('Quốc tịch').fill('Việt Nam');
    await page.getByLabel('Nơi sinh').fill('Trung tâm Y tế Lâm Hà');
    await page.getByLabel('Quan hệ của người đi đăng ký').selectOption('me');
    await page
      .getByLabel('Giấy chứng sinh')
      .setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: tinyPdf(1) });
    await page
      .getByLabel(/^Giấy tờ tùy thân/)
      .setInputFiles({ name: 'can-cuoc.pdf', mimeType: 'application/pdf', buffer: tinyPdf(2) });
    await page.getByLabel('Nộp tại').selectOption({ label: 'Xã Đinh Văn Lâm Hà' });
    await page.getByRole('radio', { name: 'Trực tuyến (tải về tại đây)' }).check();
    await screenshot(page, `citizen-${tag}-filing-form`);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForLoadState();
    await screenshot(page, `citizen-${tag}-filed`);
    await page.getByText('Hồ sơ đang chờ bộ phận một cửa kiểm tra.').waitFor();
    id = /ho-so\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    code = (await page.locator('dd strong').first().textContent())!.trim();
    await page.getByText('Mới đăng ký').first().waitFor();
    const mail = await mailbox.next(way.email, new RegExp(code.replace(/\./g, '\\.')), seen);
    assert.match(mail.text, /đã được đăng ký/);
    await checkAccessibility(t, page, 'my file (submitted)');
  });

  const desk = await staff(base, 'motcua', PASSWORD);
  const version = async () =>
    ((await desk.get(`/api/applications/${id}`)).application as { version: number }).version;

  await t.test(`${tag}: the receptionist asks in writing for one more document`, async () => {
    const { page: deskPage } = await newPage(browser);
    await deskPage.goto(`${base}/dang-nhap`);
    await signIn(deskPage, 'motcua', PASSWORD);
    await deskPage.waitForURL(`${base}/`);
    await deskPage.goto(`${base}/ho-so/${id}`);
    await deskPage.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await act(deskPage, 'Yêu cầu bổ sung trước tiếp nhận', async () => {
      await deskPage
        .getByLabel('Lý do')
        .fill('Người đi đăng ký là người được ủy quyền: cần văn bản ủy quyền.');
      await deskPage.getByLabel('Giấy tờ cần bổ sung').fill('Văn bản ủy quyền');
    });
    await deskPage.context().close();
    await mailbox.next(way.email, /Văn bản ủy quyền/);
  });

  await t.test(`${tag}: the citizen adds it online; the file keeps its code`, async () => {
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Bổ sung hồ sơ' }).waitFor();
    await checkAccessibility(t, page, 'my file (supplement requested)');
    await page
      .getByLabel('Văn bản ủy quyền')
      .setInputFiles({ name: 'uy-quyen.pdf', mimeType: 'application/pdf', buffer: tinyPdf(1) });
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã gửi bổ sung.').waitFor();
    assert.equal((await page.locator('dd strong').first().textContent())!.trim(), code);
    await page.getByRole('link', { name: 'uy-quyen.pdf' }).waitFor();
  });

  await t.test(`${tag}: processed, signed, sealed and returned online`, async () => {
    const leader = await staff(base, 'lanhdao', PASSWORD);
    const specialist = await staff(base, 'chuyenvien', PASSWORD);
    const me = (await specialist.get('/api/auth/me')).user as { id: string; unitId: string };
    const step = async (who: typeof desk, action: string, extra: Record<string, unknown> = {}) =>
      who.post(`/api/applications/${id}/actions`, { action, version: await version(), ...extra });
    await step(desk, 'receive');
    await step(desk, 'transfer', { decidingUnitId: me.unitId });
    await step(leader, 'assign', { assigneeId: me.id });
    await specialist.post(`/api/applications/${id}/results`, {
      kind: 'GIẤY KHAI SINH',
      title: 'Giấy khai sinh của Trần Gia An',
      body: ['Họ, chữ đệm, tên: Trần Gia An', 'Ngày sinh: 20/11/2026'],
      symbol: 'GKS',
    });
    await step(specialist, 'submit_for_approval');
    await leader.post(`/api/applications/${id}/results/1/sign`, { password: PASSWORD });
    await step(leader, 'approve');
    await desk.post(`/api/applications/${id}/results/1/seal`, { password: PASSWORD });
    await step(desk, 'return_result', { channel: 'online' });
  });

  await t.test(`${tag}: the citizen downloads the signed result and rates "Hài lòng"`, async () => {
    await page.reload();
    await page.getByText('Đã trả kết quả').first().waitFor();
    await checkAccessibility(t, page, 'my file (returned)');
    await screenshot(page, `citizen-${tag}-my-file`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Tải về: / }).click();
    const file = await download;
    const bytes = await (await file.createReadStream()).toArray();
    const pdf = Buffer.concat(bytes as Buffer[]);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.includes('/ByteRange'), 'the result carries its signatures');
    await page.getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).last().click();
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).first().check();
    await checkAccessibility(t, page, 'rating form');
    await page.getByRole('button', { name: /Gửi đánh giá/ }).click();
    await page
      .getByText(/Cảm ơn/)
      .first()
      .waitFor();
    await screenshot(page, `citizen-${tag}-rated`);
  });
  await page.context().close();
}

void test('a citizen files online, supplements, receives the result online and rates it', async (t) => {
  const mailbox = await startMailbox();
  let oidc: TestOidcProvider | undefined;
  try {
    oidc = await startOidcProvider();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    await withBrowser(
      t,
      async ({ base, browser }) => {
        // Đăng ký khai sinh is offered as a full online service (the seed's level is illustrative: partial).
        const admin = await staff(base, 'quantri', PASSWORD);
        const current = await admin.get('/api/procedures/1.001193');
        await admin.put('/api/procedures/1.001193', {
          ...procedureContent(current),
          onlineLevel: 'full',
          changeNote: 'toàn trình',
        });
        await journey(t, browser, base, mailbox, {
          kind: 'code',
          email: 'hoa.nguyen@example.vn',
          name: 'Nguyễn Thị Hoa',
        });
        await journey(t, browser, base, mailbox, {
          kind: 'oidc',
          account: 'cong-dan-1',
          email: 'nhung.nguyen@example.vn',
        });
      },
      {
        port,
        env: {
          MOTCUA_PUBLIC_URL: origin,
          MOTCUA_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
          MOTCUA_MAIL_FROM: '"Bộ phận một cửa Lâm Hà" <motcua@lamha.example>',
          MOTCUA_OIDC_ISSUER: oidc.issuer,
          MOTCUA_OIDC_CLIENT_ID: oidc.clientId,
          MOTCUA_OIDC_CLIENT_SECRET: oidc.clientSecret,
          MOTCUA_OIDC_REDIRECT_URL: oidc.redirectUri(origin),
        },
      },
    );
  } finally {
    await oidc?.stop();
    await mailbox.close();
  }
});
