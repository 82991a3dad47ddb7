import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderStaffMail, STAFF_MAIL_LIST_MAX, type StaffNotice } from './staff-mail-texts.ts';

const reminder: StaffNotice = {
  kind: 'deadline.reminder',
  titleVi: 'Hồ sơ 24871-261127-0001 đến hạn vào 17:00 ngày 30/11/2026',
  titleEn: 'File 24871-261127-0001 is due at 17:00 on 30/11/2026',
  applicationId: 'a1b2',
  body: { code: '24871-261127-0001', dueAt: '2026-11-30T10:00:00.000Z', when: 'before' },
};

const digest = (files: number): StaffNotice => ({
  kind: 'overdue.digest',
  titleVi: `${files} hồ sơ quá hạn tại Xã <Lâm Hà> & "B" (ngày 31/08/2026)`,
  titleEn: `${files} overdue files at Xã <Lâm Hà> & "B" (31/08/2026)`,
  applicationId: null,
  body: {
    applications: Array.from({ length: files }, (_, i) => ({
      id: `id-${i + 1}`,
      code: `C-${i + 1}`,
      ...(i === 0 ? { dueAt: '2026-08-28T10:00:00.000Z' } : {}),
    })),
  },
});

test('a reminder: Vietnamese first, English second, the link to the file, both titles in the subject', () => {
  const mail = renderStaffMail(reminder, 'https://motcua.example/');
  assert.equal(mail.subject, `${reminder.titleVi} / ${reminder.titleEn}`);
  const [vi, en] = mail.text.split('\n\n----------\n\n');
  assert.ok(vi && en);
  assert.equal(vi.split('\n')[0], reminder.titleVi);
  assert.match(vi, /^Mở hồ sơ: https:\/\/motcua\.example\/ho-so\/a1b2$/m);
  assert.match(vi, /Thư gửi tự động/);
  assert.equal(en.split('\n')[0], reminder.titleEn);
  assert.match(en, /^Open the file: https:\/\/motcua\.example\/ho-so\/a1b2$/m);
  assert.doesNotMatch(en, /[ăâđêôơư]/i, 'the English part is English');
  assert.ok(mail.html.indexOf('<div lang="vi">') < mail.html.indexOf('<div lang="en">'));
  assert.equal(mail.text, mail.text.normalize('NFC'));
});

test('a digest lists its files with due times and links, at most 20, then counts the rest', () => {
  const mail = renderStaffMail(digest(STAFF_MAIL_LIST_MAX + 3), 'https://motcua.example');
  const [vi, en] = mail.text.split('\n\n----------\n\n') as [string, string];
  assert.match(vi, /^- C-1 \(hạn 17:00 ngày 28\/08\/2026\): https:\/\/motcua\.example\/ho-so\/id-1$/m);
  assert.match(en, /^- C-1 \(due 17:00 on 28\/08\/2026\): https:\/\/motcua\.example\/ho-so\/id-1$/m);
  assert.match(vi, /^- C-2: https:\/\/motcua\.example\/ho-so\/id-2$/m);
  assert.equal(vi.match(/^- C-/gm)?.length, STAFF_MAIL_LIST_MAX);
  assert.ok(!vi.includes(`C-${STAFF_MAIL_LIST_MAX + 1}:`));
  assert.match(vi, /^… và 3 hồ sơ khác\.$/m);
  assert.match(en, /^… and 3 more\.$/m);
  assert.match(vi, /^Danh sách hồ sơ: https:\/\/motcua\.example\/ho-so$/m);
});

test('names are escaped in the HTML part; without an http(s) address, no links at all', () => {
  const mail = renderStaffMail(digest(1), 'https://motcua.example');
  assert.ok(mail.html.includes('Xã &lt;Lâm Hà&gt; &amp; &quot;B&quot;'));
  assert.ok(!mail.html.includes('<Lâm Hà>'));
  const unlinked = renderStaffMail(reminder, 'javascript:alert(1)');
  assert.doesNotMatch(unlinked.text + unlinked.html, /javascript|ho-so|href/);
  assert.match(unlinked.text, /^Hồ sơ 24871-261127-0001 đến hạn/);
});
