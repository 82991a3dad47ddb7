import type { SignatureReport as SignatureReportSchema } from '@motcua/contracts/signing';
import type { Static } from 'typebox';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type SignatureReport = Static<typeof SignatureReportSchema>;

/** Signing and certificate times read to the second, in Vietnam time whatever zone the signer's clock used. */
const signingTime = (value: string | undefined) => formatDateTime(value, { seconds: true });

function YesNo({ value }: { value: boolean }) {
  const { t } = useI18n();
  return <span className={value ? 'yes' : 'no'}>{value ? t('verify.yes') : t('verify.no')}</span>;
}

/** What one signature in the PDF says and whether it holds. */
export function SignatureCard({ signature, index }: { signature: SignatureReport; index: number }) {
  const { t } = useI18n();
  const headingId = `signature-${index}`;
  const { certificate } = signature;
  return (
    <section className="card signature-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('verify.signature', { n: index + 1, name: signature.signerName })}</h3>
      <dl className="facts">
        <div>
          <dt>{t('verify.signer')}</dt>
          <dd>{signature.signerName}</dd>
        </div>
        <div>
          <dt>{t('verify.organisation')}</dt>
          <dd>{signature.organisation ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('verify.signingTime')}</dt>
          <dd>{signingTime(signature.signingTime)}</dd>
        </div>
        {signature.reason ? (
          <div>
            <dt>{t('verify.reason')}</dt>
            <dd>{signature.reason}</dd>
          </div>
        ) : null}
        {signature.location ? (
          <div>
            <dt>{t('verify.location')}</dt>
            <dd>{signature.location}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('verify.intact')}</dt>
          <dd>
            <YesNo value={signature.intact} />
            {signature.modifiedAfterSigning ? (
              <span className="muted"> – {t('verify.modifiedAfter')}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('verify.trusted')}</dt>
          <dd>
            <YesNo value={signature.trusted} />
            {signature.demoRoot ? <strong> – {t('verify.demoRoot')}</strong> : null}
            {!signature.trusted && signature.chainError ? (
              <span className="muted"> – {signature.chainError}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('verify.covers')}</dt>
          <dd>
            {signature.coversWholeDocument || signature.modifiedAfterSigning ? (
              <YesNo value={signature.coversWholeDocument} />
            ) : (
              // An earlier signature of a document signed again later (the leader, then the seal) covers only
              // its own revision: expected, not a fault, as long as a later signature covers the rest.
              <>
                <span>{t('verify.no')}</span>
                <span className="muted"> – {t('verify.coveredLater')}</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <details>
        <summary>{t('verify.certificate')}</summary>
        <dl className="facts facts--compact">
          <div>
            <dt>{t('verify.subject')}</dt>
            <dd>{certificate.subject}</dd>
          </div>
          <div>
            <dt>{t('verify.issuer')}</dt>
            <dd>{certificate.issuer}</dd>
          </div>
          <div>
            <dt>{t('verify.serial')}</dt>
            <dd className="code">{certificate.serialNumber}</dd>
          </div>
          <div>
            <dt>{t('verify.validity')}</dt>
            <dd>
              {signingTime(certificate.notBefore)} – {signingTime(certificate.notAfter)}
            </dd>
          </div>
          <div>
            <dt>{t('verify.subFilter')}</dt>
            <dd className="code">{signature.subFilter}</dd>
          </div>
        </dl>
      </details>
    </section>
  );
}
