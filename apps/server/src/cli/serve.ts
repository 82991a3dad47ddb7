import type { Config } from '../config.ts';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import { seedDemoUsers, seedUnits } from '../modules/seed/seed.service.ts';
import { usersRepository } from '../modules/users/users.repository.ts';
import { seedProcedureCatalog } from '../modules/procedures/procedures.seed.ts';
import { seedOnlineForms } from '../modules/online/online-forms.ts';
import { DEMO_USERS } from '../modules/seed/seed.service.ts';
import { seedDemoSigning } from '../modules/signing/demo-keys.ts';

const ROLE_VI: Record<string, string> = {
  admin: 'Quản trị hệ thống',
  ioc_operator: 'Vận hành IOC',
  leader: 'Lãnh đạo',
  specialist: 'Chuyên viên',
  receptionist: 'Cán bộ một cửa',
};

export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const started = performance.now();
  const app = await createApp(config, logger);
  const db = app.store.db;
  if (config.production) {
    // Demo accounts have passwords printed on a console: never acceptable in production.
    const demo = await usersRepository.countActiveDemoUsers(db);
    if (demo > 0) {
      await app.close();
      throw new Error(
        `Refusing to start in production: ${demo} demo account(s) with printed passwords exist ` +
          `(${DEMO_USERS.map((u) => u.username).join(', ')}). Change their passwords or deactivate them first.`,
      );
    }
  } else {
    const added = await seedUnits(db);
    if (added > 0) logger.info({ added }, 'demo units seeded (Lâm Đồng, Lâm Hà)');
    const catalog = await seedProcedureCatalog(db);
    if (catalog.added > 0)
      logger.info({ added: catalog.added }, 'procedure catalogue seeded (vn-data.md §3)');
    const forms = await seedOnlineForms(db);
    if (forms > 0) logger.info({ added: forms }, 'online forms seeded');
    const created = await seedDemoUsers(db, config.demoPassword);
    if (created.length > 0) {
      const lines = created.map(
        (c) =>
          `  ${c.username.padEnd(11)} ${c.password.padEnd(14)} ${ROLE_VI[c.role] ?? c.role} — ${c.unitName}`,
      );
      // Printed once, on the console only (not the log): the passwords are not stored anywhere in clear.
      process.stdout.write(
        `\nTài khoản demo (mật khẩu chỉ hiện một lần) — demo accounts (passwords shown once):\n${lines.join('\n')}\n\n`,
      );
    }
    const signing = await seedDemoSigning(db, config.demoPassword);
    if (signing)
      process.stdout.write(
        `Khóa ký số demo (CA demo, không có giá trị pháp lý) — demo signing keys, PIN ${signing.pin}:\n` +
          `${signing.holders.map((h) => `  ${h.kind === 'person' ? 'cá nhân ' : 'tổ chức '} ${h.subject}`).join('\n')}\n\n`,
      );
  }
  const address = await app.server.listen({ port: config.port, host: config.host });
  const url = new URL(address);
  if (config.host === 'localhost') url.hostname = 'localhost';
  process.stdout.write(
    `motcua listening on ${url.origin} (store: ${app.store.kind}, ready in ${Math.round(performance.now() - started)} ms)\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
