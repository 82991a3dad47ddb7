import type { VerificationReport } from '@motcua/contracts/signing';
import { fail, text } from '@motcua/domain/errors';
import { checkUpload, type UploadInput } from '../files/upload-check.ts';
import { NotAPdfError, verifyPdf, type VerificationReport as Report } from '../signatures/verify-pdf.ts';

/** The one-line verdict a citizen reads first; the worst finding wins. */
export function verdictOf(report: Report): VerificationReport['verdict'] {
  if (report.signatures.length === 0) return 'unsigned';
  if (report.tampered) return 'tampered';
  if (report.signatures.some((s) => s.modifiedAfterSigning)) return 'modified';
  if (report.signatures.some((s) => !s.trusted)) return 'untrusted';
  return 'valid';
}

const notPdf = () =>
  fail({
    kind: 'Invalid',
    field: '/body/file',
    detail: text('Chỉ xác minh được tệp PDF', 'Only PDF files can be verified'),
  });

/** A root certificate verification trusts; `sha256` is of its DER bytes (trusted_roots.sha256). */
export interface TrustedRoot {
  der: Uint8Array;
  sha256: string;
  demo: boolean;
}

/** Verification of an uploaded PDF against the roots the administrator trusts. Nothing is stored. */
export function createVerification(deps: { trustedRoots: () => Promise<TrustedRoot[]>; maxBytes: number }) {
  async function verify(input: UploadInput): Promise<VerificationReport> {
    const check = await checkUpload(input, deps.maxBytes);
    if (!check.ok) fail({ kind: 'Invalid', field: check.field, detail: check.detail });
    if (check.mediaType !== 'application/pdf') notPdf();
    try {
      const roots = await deps.trustedRoots();
      const demoRoots = new Set(roots.filter((r) => r.demo).map((r) => r.sha256));
      const report = await verifyPdf(
        input.bytes,
        roots.map((r) => r.der),
      );
      const signatures = report.signatures.map(({ rootSha256, ...s }) => ({
        ...s,
        demoRoot: s.trusted && rootSha256 !== undefined && demoRoots.has(rootSha256),
      }));
      return {
        signatures,
        tampered: report.tampered,
        verdict: verdictOf(report),
        demo: signatures.some((s) => s.demoRoot),
      };
    } catch (error) {
      if (error instanceof NotAPdfError) return notPdf();
      throw error;
    }
  }
  return { verify };
}

export type Verification = ReturnType<typeof createVerification>;
