#!/usr/bin/env node
// Recomputes the headline figures of a period from the raw CSV of `motcua export applications`, with no code
// of motcua: anyone can check the published report against the files (docs/HISTORY.md, docs/REPORTS.md).
//
//   node scripts/recompute-report.mjs --files files.csv [--events events.csv] --from 2021-01-01 --to 2025-03-31
//
// Prints JSON: received, resolved, early / on time / late, in progress, received by channel, returned by post,
// digitization (records, and records + result) overall and per year of receipt, ratings and satisfaction, and,
// with --events, the supplement requests and apologies made in the period. The rules are those of
// vn-rules.md §1.6–1.7 as packages/domain/src/reports/figures.ts states them; dates are Vietnam dates (UTC+7).
import fs from 'node:fs';

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const filesPath = arg('--files');
const eventsPath = arg('--events');
const fromDate = arg('--from');
const toDate = arg('--to');
if (
  !filesPath ||
  !fromDate ||
  !toDate ||
  !/^\d{4}-\d{2}-\d{2}$/.test(fromDate) ||
  !/^\d{4}-\d{2}-\d{2}$/.test(toDate)
) {
  process.stderr.write(
    'usage: recompute-report.mjs --files files.csv [--events events.csv] --from YYYY-MM-DD --to YYYY-MM-DD\n',
  );
  process.exit(2);
}

const VN = 7 * 3_600_000;
const DAY = 86_400_000;
/** Start of a Vietnam calendar day, in epoch milliseconds. */
const vnStart = (date) => Date.parse(`${date}T00:00:00Z`) - VN;
const from = vnStart(fromDate);
const to = vnStart(toDate) + DAY;
const vnDay = (ms) => Math.floor((ms + VN) / DAY);
const vnYear = (ms) => new Date(ms + VN).getUTCFullYear();

/** RFC 4180 CSV (quotes, doubled quotes, commas and newlines in fields), BOM dropped; yields rows as objects. */
function* csvRows(path) {
  const text = fs.readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  let header;
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i <= text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else if (c !== undefined) field += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === undefined) {
      if (c === undefined && field === '' && row.length === 0) break;
      row.push(field.replace(/\r$/, ''));
      field = '';
      if (!header) header = row;
      else yield Object.fromEntries(header.map((h, k) => [h, row[k] ?? '']));
      row = [];
    } else field += c;
  }
}

const time = (v) => (v === '' ? Number.NaN : Date.parse(v));
const inPeriod = (ms) => ms >= from && ms < to;

const c = {
  received: 0,
  carried: 0,
  new: 0,
  new_counter: 0,
  new_online: 0,
  new_postal: 0,
  resolved: 0,
  early: 0,
  on_time: 0,
  late: 0,
  in_progress: 0,
  postal_returned: 0,
  records_digitized: 0,
  digitized: 0,
  ratings: 0,
  ratings_satisfied: 0,
};
const years = {};
const codes = new Set();

for (const f of csvRows(filesPath)) {
  if (codes.has(f.code)) continue; // a file is listed once; be safe against a repeated export
  codes.add(f.code);
  const received = time(f.received_at);
  const due = time(f.due_at);
  const processed = time(f.processed_at);
  const ended = Number.isNaN(processed) ? time(f.finished_at) : processed;
  const returned = time(f.returned_at);
  const rated = time(f.rated_at);
  if (f.rating_level !== '' && inPeriod(rated)) {
    c.ratings += 1;
    if (f.rating_level === 'rat_hai_long' || f.rating_level === 'hai_long') c.ratings_satisfied += 1;
  }
  if (!(received < to)) continue;
  if (f.return_channel === 'post' && inPeriod(returned)) c.postal_returned += 1;
  if (ended < from) continue;
  c.received += 1;
  if (received < from) c.carried += 1;
  else {
    c.new += 1;
    c[{ 1: 'new_counter', 2: 'new_online', 3: 'new_postal' }[f.channel]] += 1;
    const documents = Number(f.documents);
    const records = documents > 0 && Number(f.documents_scanned) >= documents;
    const both = records && (Number.isNaN(processed) || f.result_digitized === 'true');
    if (records) c.records_digitized += 1;
    if (both) c.digitized += 1;
    const y = (years[vnYear(received)] ??= { new: 0, records_digitized: 0, digitized: 0 });
    y.new += 1;
    if (records) y.records_digitized += 1;
    if (both) y.digitized += 1;
  }
  if (ended < to) {
    c.resolved += 1;
    const late =
      f.counts_late === 'true' || Number(f.supplement_requests) > 1 || (!Number.isNaN(due) && ended > due);
    if (late) c.late += 1;
    else if (!Number.isNaN(due) && vnDay(ended) < vnDay(due)) c.early += 1;
    else c.on_time += 1;
  } else c.in_progress += 1;
}

/** part / whole in percent, 2 decimals, half up (as the report rounds). */
const percent = (part, whole) => (whole > 0 ? Math.round((part * 10_000) / whole) / 100 : null);

const events = { supplement_requests: 0, apologies: 0 };
if (eventsPath)
  for (const e of csvRows(eventsPath)) {
    if (!codes.has(e.code) || !inPeriod(time(e.at))) continue;
    if (e.action === 'request_supplement') events.supplement_requests += 1;
    if (e.action === 'issue_apology') events.apologies += 1;
  }

const onTime = c.early + c.on_time;
const out = {
  period: { from: fromDate, to: toDate },
  files: codes.size,
  counts: { ...c, ...(eventsPath ? events : {}) },
  rates: {
    onTimeOfReceived: percent(onTime, c.received),
    resolvedOnTime: percent(onTime, c.resolved),
    recordsDigitized: percent(c.records_digitized, c.new),
    digitized: percent(c.digitized, c.new),
    satisfaction: percent(c.ratings_satisfied, c.ratings),
  },
  postal: { received: c.new_postal, returned: c.postal_returned, total: c.new_postal + c.postal_returned },
  byYear: Object.fromEntries(
    Object.entries(years).map(([year, y]) => [
      year,
      { ...y, recordsDigitized: percent(y.records_digitized, y.new), digitized: percent(y.digitized, y.new) },
    ]),
  ),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
