// Figures 8 and 9: a result PDF rendered and signed twice (leader, then organisation seal) as the server does
// it; signing throughput with several signatures in flight and on two worker threads; file-store write/read
// throughput (local folder, and an S3-compatible server when moto_server is on PATH).
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { renderResultDocument, type ResultDocumentData } from '../src/modules/documents/result-document.ts';
import { localFileStore, type FileStore } from '../src/modules/files/file-store.ts';
import { s3ServerMissing, startS3Server } from '../src/modules/files/moto-server.ts';
import { s3FileStore } from '../src/modules/files/s3-file-store.ts';
import { leaderAppearance, organisationAppearance } from '../src/modules/signatures/appearance.ts';
import type { SigningMaterial } from '../src/modules/signatures/cms-signer.ts';
import { demoHandwrittenSignature, demoSeal } from '../src/modules/signatures/demo-images.ts';
import {
  createDemoRootCa,
  importPrivateKey,
  issueSigningCertificate,
} from '../src/modules/signatures/demo-pki.ts';
import { signPdf } from '../src/modules/signatures/sign-pdf.ts';
import { median, onCleanup, tempDir } from './lib.ts';

const ORGANISATION = 'Ủy ban nhân dân xã Đinh Văn Lâm Hà';

export const RESULT: ResultDocumentData = {
  authority: 'UBND TỈNH LÂM ĐỒNG',
  unitName: 'UBND Xã Đinh Văn Lâm Hà',
  numberAndSymbol: '01/QĐ-UBND',
  place: 'Đinh Văn Lâm Hà',
  issuedAt: new Date('2026-12-07T02:00:00Z'),
  kind: 'QUYẾT ĐỊNH',
  title: 'Về việc công nhận việc nhận cha, mẹ, con',
  resultCode: '24871-261207-0001-KQ1',
  applicationCode: '24871-261207-0001',
  procedureName: 'Đăng ký nhận cha, mẹ, con',
  applicant: { name: 'Trần Văn Bình', address: 'Thôn 2, xã Đinh Văn Lâm Hà' },
  body: [
    'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;',
    'Công nhận ông Trần Văn Bình là cha của cháu Trần An.',
  ],
  recipients: ['- Ông Trần Văn Bình;', '- Lưu: VT.'],
  signer: { authorityLine: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: 'Lê Minh Đạo' },
  lookupUrl: 'https://motcua.example/tra-cuu?ma=24871-261207-0001&khoa=K7Q2M9',
};

export interface SigningKit {
  leader: SigningMaterial;
  organisation: SigningMaterial;
  signature: Buffer;
  seal: Buffer;
}

export async function signingKit(): Promise<SigningKit> {
  const ca = await createDemoRootCa();
  const material = async (commonName: string): Promise<SigningMaterial> => {
    const identity = await issueSigningCertificate(ca, { commonName, organisation: ORGANISATION });
    return {
      key: await importPrivateKey(identity.keyPem),
      certificate: new Uint8Array(identity.certificate.rawData),
      chain: [new Uint8Array(ca.certificate.rawData)],
    };
  };
  return {
    leader: await material('Lê Minh Đạo'),
    organisation: await material(ORGANISATION),
    signature: demoHandwrittenSignature('Lê Minh Đạo'),
    seal: demoSeal(),
  };
}

/** What the server does for one result: render, leader's visible signature, organisation's seal. */
export async function renderAndSign(kit: SigningKit, at = new Date()): Promise<Buffer> {
  const { pdf, signatureBox } = await renderResultDocument(RESULT);
  const leader = leaderAppearance(signatureBox, signatureBox.page, kit.signature);
  const signed = await signPdf(pdf, kit.leader, {
    reason: 'Ký ban hành',
    name: 'Lê Minh Đạo',
    location: 'Đinh Văn Lâm Hà',
    signingTime: at,
    appearance: leader,
    fieldName: 'Chữ ký lãnh đạo',
  });
  return signPdf(signed, kit.organisation, {
    reason: 'Ký số của cơ quan ban hành',
    name: ORGANISATION,
    location: 'Đinh Văn Lâm Hà',
    signingTime: at,
    appearance: organisationAppearance(leader.rect, signatureBox.page, kit.seal, ORGANISATION, at),
    fieldName: 'Chữ ký cơ quan',
  });
}

export interface SigningRun {
  /** One result rendered, signed and sealed, one after another: median ms. */
  serialMs: number;
  renderMs: number;
  /** Results per second with 1 and 4 in flight on the main thread, and with 2 worker threads × 2 in flight. */
  docsPerS1: number;
  docsPerS4: number;
  docsPerSWorkers: number;
  bytes: number;
}

async function throughput(kit: SigningKit, inFlight: number, durationMs: number): Promise<number> {
  const end = performance.now() + durationMs;
  let done = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        await renderAndSign(kit);
        done += 1;
      }
    }),
  );
  return done / (durationMs / 1000);
}

function workersThroughput(workers: number, durationMs: number): Promise<number> {
  const url = new URL('./signing-worker.mjs', import.meta.url);
  return Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(url, { workerData: { durationMs } });
          worker.once('message', (n: number) => resolve(n));
          worker.once('error', reject);
        }),
    ),
  ).then((counts) => counts.reduce((a, b) => a + b, 0) / (durationMs / 1000));
}

export async function signingRuns(
  runs: number,
  durationMs: number,
  log: (s: string) => void,
): Promise<SigningRun[]> {
  const kit = await signingKit();
  await renderAndSign(kit); // warm-up: fonts, images, JIT
  const out: SigningRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    const serial: number[] = [];
    const render: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i += 1) {
      let t0 = performance.now();
      await renderResultDocument(RESULT);
      render.push(performance.now() - t0);
      t0 = performance.now();
      bytes = (await renderAndSign(kit)).length;
      serial.push(performance.now() - t0);
    }
    const r: SigningRun = {
      serialMs: median(serial),
      renderMs: median(render),
      docsPerS1: await throughput(kit, 1, durationMs),
      docsPerS4: await throughput(kit, 4, durationMs),
      docsPerSWorkers: await workersThroughput(2, durationMs),
      bytes,
    };
    log(
      `  run ${run + 1}: ${r.serialMs.toFixed(0)} ms/result, ${r.docsPerS1.toFixed(1)} → ${r.docsPerS4.toFixed(1)} → ${r.docsPerSWorkers.toFixed(1)} results/s`,
    );
    out.push(r);
  }
  return out;
}

export interface StoreRun {
  writeFilesPerS: number;
  readFilesPerS: number;
  writeMBps: number;
  readMBps: number;
}

async function storeRun(store: FileStore, count: number, size: number): Promise<StoreRun> {
  const files = Array.from({ length: count }, () => randomBytes(size));
  let t0 = performance.now();
  const keys: string[] = [];
  for (const bytes of files) keys.push((await store.put(bytes)).sha256);
  const writeS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (const key of keys) await store.get(key);
  const readS = (performance.now() - t0) / 1000;
  const mb = (count * size) / 2 ** 20;
  return {
    writeFilesPerS: count / writeS,
    readFilesPerS: count / readS,
    writeMBps: mb / writeS,
    readMBps: mb / readS,
  };
}

/** Local folder and (when moto_server is here) S3, side by side: 100 files of 1 MiB each way, per run. */
export async function storeRuns(runs: number, log: (s: string) => void) {
  const local: StoreRun[] = [];
  const s3: StoreRun[] = [];
  const { dir } = tempDir('files');
  const server = s3ServerMissing ? undefined : await startS3Server();
  if (server) onCleanup(() => server.stop());
  for (let run = 0; run < runs; run += 1) {
    local.push(await storeRun(localFileStore(`${dir}/run${run}`), 100, 2 ** 20));
    if (server) s3.push(await storeRun(s3FileStore({ ...server, prefix: `run${run}/` }), 100, 2 ** 20));
    log(
      `  run ${run + 1}: local ${local.at(-1)!.writeMBps.toFixed(0)} MB/s write${server ? `, S3 ${s3.at(-1)!.writeMBps.toFixed(0)} MB/s` : ''}`,
    );
  }
  return { local, s3, s3Skipped: s3ServerMissing };
}
