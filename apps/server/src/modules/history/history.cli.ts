import { SingleBar, Presets } from 'cli-progress';
import type { Config } from '../../config.ts';
import { withCliServices } from '../../cli/commands.ts';
import { seedHistory, type HistoryProgress } from './history.service.ts';

/**
 * `motcua seed history --profile <name> [--seed N] [--scale F] [--replace]`: progress on standard error (a bar
 * on a terminal, plain lines otherwise), then the elapsed time and the report's figures for the period.
 */
export interface HistoryCliOptions {
  profile: string;
  seed: string;
  scale: string;
  replace?: boolean;
}

const LABELS: Record<HistoryProgress['phase'], string> = {
  delete: 'deleting the earlier history / xóa lịch sử cũ',
  plan: 'planning / lập kế hoạch',
  write: 'writing files / ghi hồ sơ',
  rebuild: 'rebuilding report rollups / tính lại số liệu tổng hợp',
};

function progressPrinter() {
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | undefined;
  let lastTenth = -1;
  return {
    update(p: HistoryProgress) {
      if (p.phase === 'write' && tty) {
        if (!bar) {
          bar = new SingleBar(
            { format: `${LABELS.write} [{bar}] {value}/{total}`, hideCursor: true, stream: process.stderr },
            Presets.shades_classic,
          );
          bar.start(p.total, p.done);
        } else bar.update(p.done);
        return;
      }
      if (p.phase === 'write') {
        const tenth = Math.floor((p.done * 10) / Math.max(1, p.total));
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        process.stderr.write(`${LABELS.write}: ${p.done}/${p.total}\n`);
        return;
      }
      bar?.stop();
      bar = undefined;
      process.stderr.write(`${LABELS[p.phase]}…\n`);
    },
    stop: () => bar?.stop(),
  };
}

const number = (text: string, field: string) => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new Error(`${field}: not a number (không phải số): ${text}`);
  return n;
};

export async function seedHistoryCommand(config: Config, options: HistoryCliOptions): Promise<void> {
  const seed = number(options.seed, '--seed');
  const scale = number(options.scale, '--scale');
  await withCliServices(config, async (services, actor, store) => {
    const started = performance.now();
    const progress = progressPrinter();
    const outcome = await seedHistory(
      store.db,
      { profile: options.profile, seed, scale, replace: options.replace === true },
      { onProgress: (p) => progress.update(p) },
    );
    progress.stop();
    const elapsed = (performance.now() - started) / 1000;
    const { profile } = outcome;
    const report = await services.reports.summary(actor, {
      unitId: outcome.districtId,
      from: profile.from,
      to: profile.to,
      below: true,
      history: true,
      by: 'unit',
    });
    const t = report.total;
    const lines = [
      `${outcome.files} files generated (profile ${profile.name}, seed ${seed}, scale ${scale})`,
      `rows: ${Object.entries(outcome.rows)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      `time: ${elapsed.toFixed(1)} s (plan ${outcome.seconds.plan.toFixed(1)} s, write ${outcome.seconds.write.toFixed(1)} s, rollup rebuild ${outcome.seconds.rebuild.toFixed(1)} s)`,
      `${profile.from} – ${profile.to}, ${report.unit.name} with the units below it and before it:`,
      `  received / tiếp nhận ${t.counts.received}, resolved / đã giải quyết ${t.counts.resolved}, in progress / đang giải quyết ${t.counts.in_progress}`,
      `  on time / đúng hạn ${t.counts.early + t.counts.on_time}, late / trễ hạn ${t.counts.late}, on-time rate ${t.rates.onTimeOfReceived} %`,
      `  postal received / nhận qua bưu chính ${t.counts.new_postal}, returned by post / trả qua bưu chính ${t.counts.postal_returned}`,
      `  digitized / số hóa ${t.rates.digitized} %, satisfaction / hài lòng ${t.rates.satisfaction} % (${t.counts.ratings_satisfied}/${t.counts.ratings})`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
