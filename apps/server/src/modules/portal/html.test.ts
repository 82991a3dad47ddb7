import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, raw } from './html.ts';
import { formatMoment, timeLabel, vnIso } from './portal.format.ts';
import { MESSAGES } from './portal.messages.ts';

describe('html tagged template', () => {
  test('escapes every interpolated value: a <script> in a name cannot open an element', () => {
    const name = '<script>alert("x")</script> & \'quotes\'';
    const out = html`<h1>${name}</h1>`.value;
    assert.equal(out, '<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</h1>');
    assert.ok(!out.includes('<script'));
  });

  test('a value cannot leave its quoted attribute', () => {
    const out = html`<a href="${'/x" onclick="evil()'}" title="${"a' b"}">x</a>`.value;
    assert.equal(out, '<a href="/x&quot; onclick=&quot;evil()" title="a&#39; b">x</a>');
  });

  test('nested templates and arrays are kept as markup, their values escaped once', () => {
    const items = ['<b>', 'Đăng ký & khai sinh'].map((s) => html`<li>${s}</li>`);
    assert.equal(
      html`<ul>
        ${items}
      </ul>`.value,
      '<ul>\n<li>&lt;b&gt;</li><li>Đăng ký &amp; khai sinh</li>\n</ul>',
    );
    assert.equal(html`${html`${'<'}`}`.value, '&lt;', 'not escaped twice');
  });

  test('the template’s indentation is dropped, the values’ whitespace kept', () => {
    const value = '  a\n    b  ';
    const out = html`<p>
      <span>${value}</span>
    </p>`.value;
    assert.equal(out, `<p>\n<span>${value}</span>\n</p>`);
  });

  test('null, undefined and false print nothing; numbers print; raw is the only way to pass markup', () => {
    assert.equal(html`[${null}${undefined}${false}${0}${12.5}]`.value, '[012.5]');
    assert.equal(html`${raw('<br>')}`.value, '<br>');
    assert.equal(escapeHtml('&amp;'), '&amp;amp;');
  });
});

describe('portal formats', () => {
  test('Vietnam time with the Vietnamese weekday, whatever the server time zone', () => {
    const at = new Date('2026-12-03T07:00:00Z');
    assert.equal(formatMoment(at, MESSAGES.vi), '14:00 thứ Năm, 03/12/2026');
    assert.equal(formatMoment(at, MESSAGES.en), '14:00 Thursday, 03/12/2026');
    assert.equal(formatMoment(new Date('2026-12-05T17:30:00Z'), MESSAGES.vi), '00:30 Chủ nhật, 06/12/2026');
    assert.equal(vnIso(at), '2026-12-03T14:00:00+07:00');
  });

  test('statutory time: the unit, the published text when it says more, an unstated unit said so', () => {
    const vi = MESSAGES.vi;
    assert.deepEqual(
      timeLabel({ timeAmount: 3, timeUnit: 'working_days', timeText: '3 ngày làm việc' }, vi, 'vi'),
      {
        main: '3 ngày làm việc',
      },
    );
    assert.deepEqual(
      timeLabel(
        {
          timeAmount: 27,
          timeUnit: 'working_days',
          timeText: '27 ngày làm việc (trực tiếp); 17 (trực tuyến)',
        },
        vi,
        'vi',
      ),
      { main: '27 ngày làm việc', published: '27 ngày làm việc (trực tiếp); 17 (trực tuyến)' },
    );
    assert.equal(
      timeLabel({ timeAmount: 1, timeUnit: null, timeText: '1' }, vi, 'vi').main,
      '1 (văn bản công bố không ghi đơn vị)',
    );
    assert.equal(
      timeLabel({ timeAmount: null, timeUnit: 'none', timeText: 'Không có thông tin' }, vi, 'vi').main,
      'Không có thông tin',
    );
    assert.equal(
      timeLabel({ timeAmount: 1, timeUnit: 'working_days', timeText: '1 ngày làm việc' }, MESSAGES.en, 'en')
        .main,
      '1 working day',
    );
  });
});
