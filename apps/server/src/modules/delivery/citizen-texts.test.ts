import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CITIZEN_EVENTS,
  SMS_MAX_CHARS,
  renderCitizenMessage,
  vnDate,
  type CitizenEvent,
  type CitizenEventData,
} from './citizen-texts.ts';

// 23:30 UTC on 30 November is 06:30 on 1 December in Vietnam.
const LATE = new Date('2026-11-30T23:30:00Z');

const base = {
  code: 'H36.25-251127-0001',
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn Thị Ánh Tuyết',
  unitName: 'Bộ phận một cửa xã Lâm Hà',
};

const SAMPLES: { [E in CitizenEvent]: CitizenEventData[E][] } = {
  submitted: [{ ...base, lookupUrl: 'https://motcua.lamha.gov.vn/tra-cuu?ma=H36&khoa=ABCD12' }],
  refused: [
    { ...base, reason: 'Không thuộc thẩm quyền giải quyết của\n UBND xã' },
    {
      ...base,
      reason: 'Hồ sơ đã được giải quyết trước đây',
      lookupUrl: 'https://motcua.lamha.gov.vn/tra-cuu?ma=H36&khoa=ABCD12',
    },
  ],
  received: [{ ...base, appointmentAt: LATE, lookupUrl: 'https://motcua.lamha.gov.vn/tra-cuu/ABCD1234' }],
  supplement_requested: [
    {
      ...base,
      items: ['Bản sao Giấy chứng nhận kết hôn', 'Tờ khai có chữ ký của người đi đăng ký'],
      reason: 'Tờ khai thiếu chữ ký;\n giấy tờ chụp mờ',
      link: 'https://motcua.lamha.gov.vn/bo-sung/ABCD1234',
    },
  ],
  apology: [
    { ...base, newAppointmentAt: LATE, reason: 'Cần xác minh thêm với UBND xã nơi cư trú trước đây' },
    { ...base, newAppointmentAt: LATE, reason: 'Chờ kết quả liên thông', lookupUrl: 'https://x.vn/t/1' },
  ],
  result_ready: [
    { ...base, pickup: { method: 'online', downloadUrl: 'https://motcua.lamha.gov.vn/ket-qua/ABCD1234' } },
    {
      ...base,
      pickup: { method: 'counter', place: 'Trung tâm Phục vụ hành chính công', hours: '7:30–17:00' },
    },
    { ...base, pickup: { method: 'post', address: '12 Lê Lợi, thôn Đồng Tâm' } },
  ],
  returned: [
    { ...base, returnedAt: LATE, channel: 'counter' },
    { ...base, returnedAt: LATE, channel: 'post', trackingNumber: 'EL123456789VN' },
    { ...base, returnedAt: LATE, channel: 'online' },
  ],
  rating_invite: [{ ...base, ratingUrl: 'https://motcua.lamha.gov.vn/danh-gia/ABCD1234' }],
};

const render = <E extends CitizenEvent>(
  event: E,
  data: CitizenEventData[E],
  lang: 'vi' | 'en',
  ch: 'email' | 'sms',
) => renderCitizenMessage(event, data, lang, ch);

test('every event renders in both languages for both channels, deterministically', () => {
  for (const event of CITIZEN_EVENTS) {
    for (const data of SAMPLES[event] as CitizenEventData[typeof event][]) {
      for (const lang of ['vi', 'en'] as const) {
        const email = render(event, data, lang, 'email');
        assert.ok(email.subject && email.subject.includes(base.code), `${event} ${lang} subject`);
        assert.ok(email.text.includes(base.code) && email.text.includes(base.procedureName));
        assert.ok(email.html?.includes(`lang="${lang}"`));
        assert.ok(
          !email.text.includes('undefined') && !email.html!.includes('undefined'),
          `${event} ${lang}`,
        );
        const sms = render(event, data, lang, 'sms');
        assert.equal(sms.subject, undefined);
        assert.equal(sms.html, undefined);
        assert.ok(sms.text.includes(base.code), `${event} ${lang} sms`);
        assert.ok(Array.from(sms.text).length <= SMS_MAX_CHARS);
        assert.ok(!sms.text.includes('\n') && !sms.text.includes('undefined'));
        assert.ok(!sms.text.includes(base.applicantName), 'no name in an SMS');
        assert.deepEqual(render(event, data, lang, 'email'), email);
        assert.deepEqual(render(event, data, lang, 'sms'), sms);
      }
    }
  }
});

test('Vietnamese texts are NFC with their diacritics, even from decomposed input', () => {
  const decomposed = { ...SAMPLES.received[0]!, procedureName: 'Đăng ký khai sinh'.normalize('NFD') };
  for (const ch of ['email', 'sms'] as const) {
    const { subject, text, html } = render('received', decomposed, 'vi', ch);
    for (const s of [subject, text, html]) if (s !== undefined) assert.equal(s, s.normalize('NFC'));
    assert.ok(text.includes('Đăng ký khai sinh'));
    assert.ok(text.includes('đã được tiếp nhận') || text.includes('đã được tiếp nhận'.normalize('NFC')));
  }
  const email = render('apology', SAMPLES.apology[0]!, 'vi', 'email');
  assert.match(email.subject!, /xin lỗi/);
  assert.ok(email.text.startsWith('Kính gửi ông/bà Nguyễn Thị Ánh Tuyết,'));
  assert.ok(email.text.includes('Trân trọng'));
});

test('dates are shown in Vietnam time: 23:30 UTC is the next day', () => {
  assert.equal(vnDate(LATE), '01/12/2026');
  assert.equal(vnDate(new Date('2026-11-30T16:59:59Z')), '30/11/2026');
  for (const lang of ['vi', 'en'] as const) {
    for (const ch of ['email', 'sms'] as const) {
      const { text } = render('received', SAMPLES.received[0]!, lang, ch);
      assert.ok(text.includes('01/12/2026') && !text.includes('30/11/2026'), text);
      assert.ok(render('apology', SAMPLES.apology[0]!, lang, ch).text.includes('01/12/2026'));
    }
  }
});

test('an SMS shortens long free text to fit and keeps the code, the date and the link whole', () => {
  const url = 'https://motcua.lamha.gov.vn/tra-cuu/ABCD1234';
  const long = {
    ...SAMPLES.received[0]!,
    procedureName: 'Thủ tục liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế '.repeat(
      8,
    ),
  };
  for (const lang of ['vi', 'en'] as const) {
    const { text } = render('received', long, lang, 'sms');
    assert.ok(Array.from(text).length <= SMS_MAX_CHARS, `${Array.from(text).length}`);
    assert.ok(
      text.includes('…') && text.includes(url) && text.includes(base.code) && text.includes('01/12/2026'),
    );
  }
  const supplement = {
    ...SAMPLES.supplement_requested[0]!,
    items: Array.from({ length: 30 }, (_, i) => `Giấy tờ số ${i + 1} có xác nhận của cơ quan có thẩm quyền`),
    reason: 'Thiếu giấy tờ theo quy định. '.repeat(20),
  };
  const { text } = render('supplement_requested', supplement, 'vi', 'sms');
  assert.ok(Array.from(text).length <= SMS_MAX_CHARS);
  assert.ok(
    text.includes(supplement.link) && text.startsWith(`Hồ sơ ${base.code} cần bổ sung: Giấy tờ số 1`),
  );
});

test('result pickup and return channels say how', () => {
  const [online, counter, post] = SAMPLES.result_ready;
  assert.ok(
    render('result_ready', online!, 'vi', 'sms').text.includes(
      'https://motcua.lamha.gov.vn/ket-qua/ABCD1234',
    ),
  );
  assert.match(
    render('result_ready', counter!, 'vi', 'email').text,
    /đến nhận kết quả tại Trung tâm Phục vụ hành chính công \(7:30–17:00\)/,
  );
  assert.match(render('result_ready', post!, 'vi', 'email').text, /bưu chính đến địa chỉ: 12 Lê Lợi/);
  assert.ok(!render('result_ready', post!, 'vi', 'sms').text.includes('Lê Lợi'), 'no address in an SMS');
  assert.match(
    render('returned', SAMPLES.returned[1]!, 'vi', 'sms').text,
    /qua dịch vụ bưu chính ngày 01\/12\/2026\. Số hiệu bưu gửi: EL123456789VN/,
  );
  assert.match(
    render('returned', SAMPLES.returned[0]!, 'en', 'email').text,
    /at the one-stop desk on 01\/12\/2026/,
  );
});

test('HTML escapes the data and links only http(s) URLs', () => {
  const data = {
    ...SAMPLES.rating_invite[0]!,
    procedureName: '<script>x</script> & "A"',
    ratingUrl: 'javascript:alert(1)',
  };
  const { html } = render('rating_invite', data, 'en', 'email');
  assert.ok(
    !html!.includes('<script>') && html!.includes('&lt;script&gt;') && html!.includes('&amp; &quot;A&quot;'),
  );
  assert.ok(!html!.includes('href="javascript:'));
  const ok = render('rating_invite', SAMPLES.rating_invite[0]!, 'vi', 'email').html!;
  assert.ok(ok.includes('<a href="https://motcua.lamha.gov.vn/danh-gia/ABCD1234">'));
});

test('an online filing: registered, the desk checks it next, and the lookup link', () => {
  const data = SAMPLES.submitted[0]!;
  const vi = render('submitted', data, 'vi', 'email');
  assert.equal(vi.subject, `Đã đăng ký hồ sơ trực tuyến ${base.code}`);
  assert.match(vi.text, /đã được đăng ký/);
  assert.match(vi.text, /sẽ kiểm tra hồ sơ/);
  assert.ok(vi.text.includes(`Tra cứu tình trạng hồ sơ: ${data.lookupUrl}`));
  const sms = render('submitted', data, 'vi', 'sms').text;
  assert.ok(sms.startsWith(`Hồ sơ ${base.code} (Đăng ký khai sinh) đã được đăng ký trực tuyến`), sms);
  assert.ok(sms.endsWith(data.lookupUrl));
  assert.match(render('submitted', data, 'en', 'email').text, /will check it/);
});

test('a refusal at intake (Mẫu 03) gives the reason on one line, in the e-mail and the SMS', () => {
  const [plain, linked] = SAMPLES.refused;
  const vi = render('refused', plain!, 'vi', 'email');
  assert.equal(vi.subject, `Hồ sơ ${base.code}: từ chối tiếp nhận`);
  assert.ok(vi.text.includes('Lý do: Không thuộc thẩm quyền giải quyết của UBND xã'), vi.text);
  assert.match(vi.text, /Mẫu 03/);
  assert.ok(!vi.text.includes('Tra cứu'), 'no link without one');
  assert.ok(render('refused', linked!, 'vi', 'email').text.includes(linked!.lookupUrl!));
  assert.equal(
    render('refused', plain!, 'vi', 'sms').text,
    `Hồ sơ ${base.code} (Đăng ký khai sinh) bị từ chối tiếp nhận. Lý do: Không thuộc thẩm quyền giải quyết của UBND xã.`,
  );
  const long = { ...plain!, reason: 'Hồ sơ không đúng thẩm quyền. '.repeat(40) };
  const sms = render('refused', long, 'en', 'sms').text;
  assert.ok(Array.from(sms).length <= SMS_MAX_CHARS && sms.includes('…') && sms.includes(base.code));
});

test('the rating invitation links to the rating page', () => {
  const data = SAMPLES.rating_invite[0]!;
  assert.ok(render('rating_invite', data, 'vi', 'sms').text.endsWith(data.ratingUrl));
  assert.match(render('rating_invite', data, 'vi', 'email').text, /Đánh giá mức độ hài lòng tại: https/);
});
