import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { SingleBar, Presets } from 'cli-progress';
import { isRole } from '@motcua/domain/permissions/roles';
import { UNIT_KINDS, type UnitKind } from '@motcua/domain/units/units';
import type { Config } from '../config.ts';
import { createServices, type Services } from '../app.ts';
import { migrate } from '../db/migrate.ts';
import { openStore, type Store } from '../db/store.ts';
import { verifyAudit } from '../modules/audit/audit.repository.ts';
import type { Actor } from '../modules/actor.ts';
import { seedDemoUsers, seedUnits } from '../modules/seed/seed.service.ts';
import { openApiText } from '../http/openapi.ts';

function bar(label: string) {
  return new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total}`,
      hideCursor: true,
      noTTYOutput: false,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
}

async function withStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    maxWalSizeMb: config.maxWalMb,
    poolSize: 2,
  });
  try {
    await migrate(store.db);
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Whoever runs the command line on the server is trusted like the system administrator: an admin grant at
 * every root. Its audit records name no user, and say `cli` in the request id.
 */
async function cliActor(services: Services): Promise<Actor> {
  const roots = (await services.units.loadTree()).units.filter((u) => u.parentId === null);
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'cli',
    unitId: roots[0]!.id,
    provinceCode: '00',
    // Reports are read with the IOC's role (leaders and operators read them, administrators do not).
    grants: roots.flatMap((r) => [
      { role: 'admin' as const, unitId: r.id },
      { role: 'ioc_operator' as const, unitId: r.id },
    ]),
    requestId: `cli-${randomBytes(6).toString('hex')}`,
    via: 'cli',
  };
}

/** The services on the configured store, and the command line's actor. */
export async function withCliServices<T>(
  config: Config,
  work: (services: Services, actor: Actor, store: Store) => Promise<T>,
): Promise<T> {
  return withStore(config, async (store) => {
    const services = createServices(store, config);
    return work(services, await cliActor(services), store);
  });
}

export async function migrateOnly(config: Config): Promise<void> {
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    maxWalSizeMb: config.maxWalMb,
    poolSize: 2,
  });
  try {
    const applied = await migrate(store.db, (name) => process.stdout.write(`applied ${name}\n`));
    process.stdout.write(
      applied.length ? `${applied.length} migration(s) applied\n` : 'database is up to date\n',
    );
  } finally {
    await store.close();
  }
}

export async function seed(config: Config, demoUsers: boolean): Promise<void> {
  await withStore(config, async (store) => {
    const progress = bar('units');
    progress.start(1, 0);
    const added = await seedUnits(store.db, (done, total) => {
      progress.setTotal(total);
      progress.update(done);
    });
    progress.stop();
    process.stdout.write(`${added} unit(s) added\n`);
    if (demoUsers && !config.production) {
      for (const c of await seedDemoUsers(store.db, config.demoPassword))
        process.stdout.write(`demo user ${c.username} / ${c.password} (${c.role})\n`);
    }
  });
}

async function resolveUnitId(store: Store, codeOrId: string): Promise<string> {
  const services = createServices(store, {
    sessionHours: 8,
    loginMaxFailures: 5,
    loginWindowMinutes: 15,
  } as Config);
  const { units } = await services.units.loadTree();
  const today = new Date().toISOString().slice(0, 10);
  const matches = units.filter((u) => u.id === codeOrId || u.code === codeOrId);
  const current = matches.filter((u) => (u.validFrom ?? '') <= today && (u.validTo ?? '9999') >= today);
  const unit = current[0] ?? matches[0];
  if (!unit) throw new Error(`--unit/--parent: no unit with code or id ${codeOrId}`);
  return unit.id;
}

export async function createUser(
  config: Config,
  options: { username: string; fullName: string; unit: string; role: string[] },
): Promise<void> {
  await withStore(config, async (store) => {
    const unitId = await resolveUnitId(store, options.unit);
    const roles = [];
    for (const spec of options.role) {
      const [role, unitCode] = spec.split('@');
      if (!role || !isRole(role))
        throw new Error(
          `--role: unknown role "${role}" (receptionist, specialist, leader, ioc_operator, admin)`,
        );
      roles.push({ role, unitId: unitCode ? await resolveUnitId(store, unitCode) : unitId });
    }
    const password = process.env.MOTCUA_NEW_PASSWORD ?? randomBytes(12).toString('base64url');
    if (password.length < 10) throw new Error('MOTCUA_NEW_PASSWORD: at least 10 characters');
    const services = createServices(store, config);
    const actor = await cliActor(services);
    const user = await services.users.create(actor, {
      username: options.username,
      fullName: options.fullName,
      unitId,
      password,
      roles,
    });
    process.stdout.write(
      `user ${user.username} created${process.env.MOTCUA_NEW_PASSWORD ? '' : ` with password ${password} (shown once; must be changed at first sign-in)`}\n`,
    );
  });
}

export async function createUnit(
  config: Config,
  options: {
    name: string;
    kind: string;
    code?: string;
    parent?: string;
    validFrom?: string;
    validTo?: string;
    source?: string;
  },
): Promise<void> {
  if (!(UNIT_KINDS as readonly string[]).includes(options.kind))
    throw new Error(`--kind: one of ${UNIT_KINDS.join(', ')}`);
  await withStore(config, async (store) => {
    const services = createServices(store, config);
    const actor = await cliActor(services);
    const unit = await services.units.create(actor, {
      name: options.name,
      kind: options.kind as UnitKind,
      ...(options.code ? { code: options.code } : {}),
      ...(options.parent ? { parentId: await resolveUnitId(store, options.parent) } : {}),
      ...(options.validFrom ? { validFrom: options.validFrom } : {}),
      ...(options.validTo ? { validTo: options.validTo } : {}),
      ...(options.source ? { source: options.source } : {}),
    });
    process.stdout.write(`unit ${unit.code ?? ''} ${unit.name} added (${unit.id})\n`);
  });
}

export async function auditVerify(config: Config): Promise<number> {
  return withStore(config, async (store) => {
    const progress = bar('audit');
    progress.start(1, 0);
    const result = await verifyAudit(store.db, (done, total) => {
      progress.setTotal(Math.max(total, 1));
      progress.update(done);
    });
    progress.stop();
    if (result.ok) {
      process.stdout.write(`audit trail intact: ${result.checked} record(s) verified\n`);
      return 0;
    }
    const e = result.error!;
    const where =
      'seq' in e
        ? `province ${e.provinceCode}, record #${e.seq}`
        : `province ${e.provinceCode}, expected record #${e.expectedSeq}, found #${e.foundSeq}`;
    const what = {
      gap: 'a record is missing',
      link: 'the link to the previous record is broken',
      content: 'the record was altered',
      head: 'records at the end of the chain are missing',
    }[e.kind];
    process.stderr.write(
      `AUDIT TRAIL BROKEN at ${where}: ${what} (${result.checked} record(s) verified before it)\n`,
    );
    return 1;
  });
}

export async function printOpenApi(out?: string): Promise<void> {
  const text = await openApiText();
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
}
