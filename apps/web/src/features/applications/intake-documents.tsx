import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from './intake-parts.tsx';
import type { DocumentView } from './shared.ts';

type CopyType = DocumentView['copyType'];
const COPY_TYPES: readonly CopyType[] = ['original', 'certified_copy', 'photocopy'];

export interface DocumentRow extends DocumentView {
  received: boolean;
}

/** The procedure's required documents as a checklist, each with its copy type and quantity. */
export function DocumentChecklist({
  documents,
  onChange,
}: {
  documents: readonly DocumentRow[];
  onChange: (index: number, patch: Partial<DocumentRow>) => void;
}) {
  const { t } = useI18n();
  const setDoc = onChange;
  return (
    <Section title={t('intake.documents')}>
      {documents.length === 0 ? (
        <p className="muted">{t('intake.noDocuments')}</p>
      ) : (
        <>
          <p className="field__hint">{t('intake.documentsHint')}</p>
          <ul className="doc-list">
            {documents.map((doc, index) => (
              <li key={index} className="doc-row">
                <label className="checkbox">
                  <input
                    id={`intake-doc-${index}`}
                    type="checkbox"
                    checked={doc.received}
                    onChange={(e) => setDoc(index, { received: e.target.checked })}
                  />
                  <span>{doc.name}</span>
                </label>
                <div className="doc-row__controls">
                  <label>
                    <span className="visually-hidden">{t('intake.docReceived', { name: doc.name })} – </span>
                    {t('intake.docCopy')}
                    <select
                      value={doc.copyType}
                      onChange={(e) => setDoc(index, { copyType: e.target.value as CopyType })}
                    >
                      {COPY_TYPES.map((c) => (
                        <option key={c} value={c}>
                          {t(`copy.${c}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span className="visually-hidden">{t('intake.docReceived', { name: doc.name })} – </span>
                    {t('intake.docQuantity')}
                    <input
                      type="number"
                      min={1}
                      max={50}
                      value={doc.quantity}
                      onChange={(e) =>
                        setDoc(index, {
                          quantity: Math.max(1, Math.min(50, Number(e.target.value) || 1)),
                        })
                      }
                    />
                  </label>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
