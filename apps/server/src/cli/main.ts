import { Command, Option } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { backup, restore } from './backup.ts';
import { auditVerify, createUnit, createUser, migrateOnly, printOpenApi, seed } from './commands.ts';
import { exportApplications, reportIndex, reportSummary, type ReportOptions } from './report.ts';
import { serve } from './serve.ts';
import { seedHistoryCommand, type HistoryCliOptions } from '../modules/history/history.cli.ts';

/** The `motcua` command. Every command reads the same environment (README, "Configuration"). */
interface CommonOptions {
  dataDir?: string;
  port?: string;
  host?: string;
  production?: boolean;
}

function config(options: CommonOptions): Config {
  const base = loadConfig(process.env);
  return {
    ...base,
    ...(options.dataDir ? { dataDir: loadConfig({ MOTCUA_DATA_DIR: options.dataDir }).dataDir } : {}),
    ...(options.port !== undefined ? { port: Number(options.port) } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...(options.production ? { production: true } : {}),
  };
}

const program = new Command()
  .name('motcua')
  .description(
    'motcua — một cửa và IOC cho chính quyền địa phương (one-stop desk and IOC for local government)',
  )
  .showHelpAfterError();

const dataDir = () =>
  new Option('--data-dir <dir>', 'PGlite data folder (default: MOTCUA_DATA_DIR or ./data)');

program
  .command('serve')
  .description('start the HTTP server (migrates first; seeds the Lâm Hà demo unless in production)')
  .addOption(dataDir())
  .option('--port <port>', 'port (default: PORT or 3000; 0 = any free port)')
  .option('--host <host>', 'address to listen on (default: HOST or localhost)')
  .option(
    '--production',
    'production start: never seeds demo users, refuses demo passwords (same as NODE_ENV=production)',
  )
  .action(async (options: CommonOptions) => serve(config(options)));

program
  .command('migrate')
  .description('apply the database migrations and exit')
  .addOption(dataDir())
  .action(async (options: CommonOptions) => migrateOnly(config(options)));

const seedCommand = program
  .command('seed')
  .description('add the sourced units (Lâm Đồng, Lâm Hà) and, unless --no-demo-users, the demo users')
  .addOption(dataDir())
  .option('--no-demo-users', 'do not create demo users')
  .action(async (options: { dataDir?: string; demoUsers: boolean }) =>
    seed(config(options), options.demoUsers),
  );
seedCommand
  .command('history')
  .description(
    'generate a history of files from a statistical profile (docs/HISTORY.md); the reports reproduce its figures',
  )
  .requiredOption('--profile <name>', 'profile name: lamha-2021-2025')
  .option('--seed <n>', 'PRNG seed (same seed, same history)', '1')
  .option('--scale <factor>', 'fraction of the files to generate, in (0, 1] (figures exact only at 1)', '1')
  .option('--replace', 'delete a history generated earlier first')
  .addOption(dataDir())
  .action(async (_options: HistoryCliOptions, command: Command) => {
    const options = command.optsWithGlobals<HistoryCliOptions & CommonOptions>();
    await seedHistoryCommand(config(options), options);
  });

const users = program.command('users').description('staff accounts');
users
  .command('create')
  .description(
    'create a staff account (the password is read from MOTCUA_NEW_PASSWORD, or generated and printed)',
  )
  .requiredOption('--username <name>', 'user name (a-z, 0-9, . _ -)')
  .requiredOption('--full-name <name>', 'full name, with diacritics')
  .requiredOption('--unit <code>', 'unit code (GSO) or id the user belongs to')
  .requiredOption('--role <role...>', 'role[@unitCode], e.g. admin@68 or receptionist (at --unit)')
  .addOption(dataDir())
  .action(async (options: CommonOptions & Parameters<typeof createUser>[1]) =>
    createUser(config(options), options),
  );

const units = program.command('units').description('administrative units');
units
  .command('add')
  .description('add a unit (e.g. another province) to the tree')
  .requiredOption('--name <name>', 'official name, with diacritics')
  .requiredOption(
    '--kind <kind>',
    'province | district | commune | ward | town | special_zone | pasc | department',
  )
  .option('--code <code>', 'GSO code')
  .option('--parent <code>', 'parent unit code (GSO) or id; a province goes under VN')
  .option('--valid-from <date>', 'first day (YYYY-MM-DD)')
  .option('--valid-to <date>', 'last day (YYYY-MM-DD)')
  .option('--source <text>', 'legal basis or source of the facts')
  .addOption(dataDir())
  .action(async (options: CommonOptions & Parameters<typeof createUnit>[1]) =>
    createUnit(config(options), options),
  );

program
  .command('backup')
  .description(
    'back up the store: a PGlite folder tarball, or pg_dump custom format on PostgreSQL (stop the server first on PGlite)',
  )
  .requiredOption('--out <file>', 'file to write')
  .addOption(dataDir())
  .action(async (options: { out: string; dataDir?: string }) => {
    process.stdout.write(`backup written to ${await backup(config(options), options.out)}\n`);
  });

program
  .command('restore')
  .description('restore a backup made by `motcua backup`')
  .requiredOption('--from <file>', 'backup file')
  .option('--force', 'replace a non-empty PGlite folder')
  .addOption(dataDir())
  .action(async (options: { from: string; force?: boolean; dataDir?: string }) => {
    await restore(config(options), options.from, { force: options.force === true });
    process.stdout.write('restored\n');
  });

const audit = program.command('audit').description('the hash-chained audit trail');
audit
  .command('verify')
  .description('check every audit record; exits 1 and names the first broken record')
  .addOption(dataDir())
  .action(async (options: CommonOptions) => {
    process.exitCode = await auditVerify(config(options));
  });

const formatOption = (choices: string[], fallback: string) =>
  new Option('--format <format>', `output format`).choices(choices).default(fallback);
const reportOptions = (command: Command) =>
  command
    .option(
      '--unit <code>',
      'unit code (GSO) or id, as it was at the end of the period (default: the province)',
    )
    .option('--no-below', 'only the unit itself, not the units below it')
    .option(
      '--history',
      'with the units this one was formed from (e.g. the 16 old communes under their 6 successors)',
    )
    .option('--out <file>', 'file to write (default: standard output)')
    .addOption(dataDir());

const report = program.command('report').description('statistics and the Decision 766 index');
reportOptions(
  report
    .command('summary')
    .description('statistics of files per unit and period (received, resolved on time / late, in progress…)')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--period <period>', 'instead of --from/--to: 2024, 2024-Q4, 2024-H1, 2024-9M, 2024-03')
    .addOption(
      new Option('--by <dimension>', 'one line per')
        .choices(['unit', 'procedure', 'field', 'level', 'channel'])
        .default('unit'),
    )
    .addOption(formatOption(['json', 'csv', 'xlsx'], 'json')),
).action(async (options: CommonOptions & ReportOptions) => reportSummary(config(options), options));
reportOptions(
  report
    .command('index')
    .description('the Decision 766/QĐ-TTg service-quality index of the unit and the units below it, ranked')
    .requiredOption('--period <period>', '2024-Q4, 2024, 2024-H1, 2024-9M or 2024-03')
    .addOption(formatOption(['json', 'csv', 'xlsx'], 'json')),
).action(async (options: CommonOptions & ReportOptions) => reportIndex(config(options), options));

const exporter = program.command('export').description('raw data, to recompute the reports independently');
reportOptions(
  exporter
    .command('applications')
    .description('the files a period counts (no personal data) and, with --events, all their events')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--period <period>', 'instead of --from/--to')
    .option('--events <file>', "also write the files' events to this file")
    .addOption(formatOption(['csv', 'json'], 'csv')),
).action(async (options: CommonOptions & Parameters<typeof exportApplications>[1]) =>
  exportApplications(config(options), options),
);

program
  .command('openapi')
  .description('print the OpenAPI 3.1 document (or write it with --out)')
  .option('--out <file>', 'file to write')
  .action(async (options: { out?: string }) => printOpenApi(options.out));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`motcua: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
