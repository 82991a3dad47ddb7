import type { Calendar } from '@motcua/domain/calendar/calendar';
import { addDays } from '@motcua/domain/calendar/dates';
import { pick, prng, randInt, workClock, type WorkClock } from './clock.ts';
import type { HistoryProfile } from './profile.ts';

/**
 * The plan of every file: when it was received and by whom, how it ran (on the office clock, clock.ts) and
 * what it counts in. Exact totals are drawn as exact-size random subsets (`pick`), never as per-file coin
 * tosses, so the period adds up to the profile whatever the seed. Pure and deterministic.
 */
export interface HistoryUnit {
  key: string;
  id: string;
  code: string;
}

export interface HistoryProcedure {
  code: string;
  /** Statutory time in working days, or in calendar days when `calendarDays`. */
  amount: number;
  calendarDays: boolean;
  /** Submitted documents listed on a file (their names). */
  documents: readonly string[];
}

export type Outcome = 'done' | 'refused' | 'withdrawn' | 'open' | 'overdue' | 'apology' | 'second_supplement';

export interface FilePlan {
  unit: number;
  procedure: number;
  channel: 1 | 2 | 3;
  outcome: Outcome;
  year: number;
  received: number;
  /** Appointment at receipt, and after pauses and an apology. */
  due0: number;
  due: number;
  /** Supplement requests as [asked, answered] positions. */
  pauses: Array<[number, number]>;
  apology: number | null;
  /** Result ready (or refusal, withdrawal) and handed over. */
  end: number;
  returned: number | null;
  returnChannel: 'counter' | 'post' | 'online' | null;
  digitized: boolean;
  /** Scanned document positions (1-based), and whether the first one was taken from an earlier file. */
  scans: number;
  reusedFrom: number | null;
  resultDigital: boolean;
  rated: number | null;
  level: 'rat_hai_long' | 'hai_long' | 'khong_hai_long' | null;
}

export interface Plan {
  clock: WorkClock;
  cutoff: number;
  files: FilePlan[];
}

/** Zipf-like weights: a few procedures (civil status, certification) take most files. */
function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  const out = weights.map((w) => (sum += w));
  return out.map((w) => w / sum);
}
const draw = (rand: () => number, cdf: readonly number[]) => {
  const x = rand();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export function planHistory(
  profile: HistoryProfile,
  seed: number,
  units: readonly HistoryUnit[],
  procedures: readonly HistoryProcedure[],
  calendar: Calendar,
): Plan {
  const rand = prng(seed);
  const clock = workClock(calendar, profile.from, addDays(profile.to, 120));
  const { W } = clock;
  const cutoff = clock.startOf(addDays(profile.to, 1));
  const unitCdf = cumulative(units.map((u) => profile.unitWeights[u.key] ?? 1));
  const order = pick(rand, procedures, procedures.length);
  const procedureCdf = cumulative(order.map((_, rank) => 1 / (rank + 1) ** 0.9));
  const procedureIndex = new Map(procedures.map((p, i) => [p, i]));

  const dueOf = (received: number, p: HistoryProcedure) => {
    const day = Math.ceil(received / W) - 1;
    if (!p.calendarDays) return (day + Math.max(1, Math.ceil(p.amount))) * W + W;
    const target = clock.dayOnOrAfter(addDays(clock.days[day]!, Math.max(1, Math.ceil(p.amount))));
    return target * W + W;
  };

  const files: FilePlan[] = [];
  for (const y of profile.years) {
    const first = clock.dayOnOrAfter(`${y.year}-01-01`);
    const last = clock.dayOnOrAfter(addDays(y.until, 1)) - 1;
    for (let i = 0; i < y.received; i += 1) {
      const day = randInt(rand, first, last);
      const received = day * W + randInt(rand, 5, W - 20);
      const procedure = procedureIndex.get(order[draw(rand, procedureCdf)]!)!;
      const due = dueOf(received, procedures[procedure]!);
      files.push({
        unit: draw(rand, unitCdf),
        procedure,
        channel: rand() < y.onlineShare ? 2 : 1,
        outcome: 'done',
        year: y.year,
        received,
        due0: due,
        due,
        pauses: [],
        apology: null,
        end: 0,
        returned: null,
        returnChannel: null,
        digitized: false,
        scans: 0,
        reusedFrom: null,
        resultDigital: false,
        rated: null,
        level: null,
      });
    }
  }
  files.sort((a, b) => a.received - b.received);

  for (const f of pick(rand, files, profile.postalReceived)) f.channel = 3;

  // Special outcomes, from the files whose time leaves room for them before the end of the period.
  const lastDays = cutoff - 8 * W;
  const open = pick(
    rand,
    files.filter((f) => f.received >= lastDays && f.due0 > cutoff + W),
    profile.inProgress,
  );
  for (const f of open) f.outcome = 'open';
  const roomy = pick(
    rand,
    files.filter((f) => f.outcome === 'done' && f.due0 + 30 * W < cutoff),
    profile.late.overdue + profile.late.apology + profile.late.secondSupplement,
  );
  roomy.forEach((f, i) => {
    f.outcome =
      i < profile.late.overdue
        ? 'overdue'
        : i < profile.late.overdue + profile.late.apology
          ? 'apology'
          : 'second_supplement';
  });
  for (const f of files) {
    if (f.outcome !== 'done') continue;
    const x = rand();
    if (x < profile.shares.refused) f.outcome = 'refused';
    else if (x < profile.shares.refused + profile.shares.withdrawn) f.outcome = 'withdrawn';
  }

  for (const f of files) timeline(f, rand, W, cutoff, profile.shares.supplement);
  outputs(profile, files, rand, cutoff, procedures, W);
  return { clock, cutoff, files };
}

/** When each step happened, on the office clock; everything but the open files ends before the cutoff. */
function timeline(f: FilePlan, rand: () => number, W: number, cutoff: number, supplementShare: number): void {
  const pauseLength = () => randInt(rand, 1, 8) * W + randInt(rand, -60, 60);
  switch (f.outcome) {
    case 'open':
      f.end = cutoff + randInt(rand, W / 2, Math.max(W, f.due0 - cutoff));
      return;
    case 'overdue':
      f.end = f.due0 + randInt(rand, 1, 5 * W);
      return;
    case 'apology': {
      f.apology = f.due0 - randInt(rand, 1, Math.min(W, Math.max(1, Math.floor((f.due0 - f.received) / 2))));
      f.due = f.due0 + randInt(rand, 2, 5) * W;
      f.end = randInt(rand, f.due0 + 1, f.due);
      return;
    }
    case 'second_supplement':
    case 'done':
    case 'refused':
    case 'withdrawn': {
      let count =
        f.outcome === 'second_supplement' ? 2 : f.outcome === 'done' && rand() < supplementShare ? 1 : 0;
      let lengths = Array.from({ length: count }, pauseLength);
      let paused = lengths.reduce((s, n) => s + n, 0);
      let room = Math.min(f.due0 + paused, cutoff - 1) - paused - f.received;
      if (room < 60 && f.outcome === 'done') {
        // No time left for a supplement before the end of the period: the file runs without one.
        [count, lengths, paused] = [0, [], 0];
        room = Math.min(f.due0, cutoff - 1) - f.received;
      }
      // Most files are done well before the appointment (the published rate counts 0.8 % late).
      const work = Math.max(1, Math.floor(Math.max(1, room) * (0.15 + 0.85 * rand() ** 1.6)));
      let at = f.received;
      const step = Math.floor(work / (count + 1));
      for (const n of lengths) {
        at += Math.max(1, Math.floor(step * (0.5 + rand() * 0.5)));
        f.pauses.push([at, at + n]);
        at += n;
      }
      f.due = f.due0 + paused;
      f.end = f.received + work + paused;
      return;
    }
  }
}

/** Returns, digitization and ratings, with their exact totals. */
function outputs(
  profile: HistoryProfile,
  files: FilePlan[],
  rand: () => number,
  cutoff: number,
  procedures: readonly HistoryProcedure[],
  W: number,
): void {
  const processed = (f: FilePlan) => f.outcome !== 'refused' && f.outcome !== 'withdrawn';
  for (const f of files) {
    if (!processed(f)) continue;
    const late = f.end + (f.channel === 3 ? randInt(rand, 60, 2 * W) : randInt(rand, 5, 3 * W));
    f.returned = f.outcome === 'open' ? late : Math.min(late, cutoff - 1);
    f.returnChannel = f.channel === 2 && rand() < 0.5 ? 'online' : 'counter';
  }
  const returned = files.filter((f) => f.returned !== null && f.returned < cutoff);
  const postal = returned.filter((f) => f.channel === 3);
  const fromPostal = Math.min(postal.length, Math.round(profile.postalReturned * 0.6));
  const byPost = [
    ...pick(rand, postal, fromPostal),
    ...pick(
      rand,
      returned.filter((f) => f.channel !== 3),
      profile.postalReturned - fromPostal,
    ),
  ];
  for (const f of byPost) f.returnChannel = 'post';

  const byYear = new Map<number, FilePlan[]>();
  for (const f of files) {
    const list = byYear.get(f.year);
    if (list) list.push(f);
    else byYear.set(f.year, [f]);
  }
  for (const y of profile.years) {
    const list = byYear.get(y.year) ?? [];
    for (const f of pick(rand, list, y.digitized)) f.digitized = true;
    const rateable = list.filter((f) => f.returned !== null && f.returned + 3 * W < cutoff);
    for (const f of pick(rand, rateable, y.ratings)) f.rated = f.returned! + randInt(rand, 1, 2 * W);
  }
  const rated = files.filter((f) => f.rated !== null);
  for (const f of rated) f.level = 'khong_hai_long';
  for (const f of pick(rand, rated, profile.ratingsSatisfied))
    f.level = rand() < 0.55 ? 'rat_hai_long' : 'hai_long';

  files.forEach((f, i) => {
    const docs = procedures[f.procedure]!.documents.length;
    if (f.digitized) {
      f.scans = docs;
      f.resultDigital = processed(f);
      if (f.year >= 2024 && docs >= 2 && i > 1_000 && rand() < profile.shares.reused)
        f.reusedFrom = randInt(rand, 0, i - 1);
      return;
    }
    // Not digitized: paper records, or some documents scanned, or scanned records with a paper result.
    const x = rand();
    if (processed(f) && x < 0.35) f.scans = docs;
    else if (x < 0.6) f.scans = docs - 1;
  });
}
