import { useI18n } from '../../i18n/i18n.tsx';
import type { Application, ApplicationEventView } from './shared.ts';

/** Which printed forms the file has, from the events that produce them. */
const FORM_EVENTS = {
  supplement: ['request_pre_receipt_supplement', 'request_supplement'],
  refusal: ['refuse_intake'],
  apology: ['issue_apology'],
} as const;

export function FormLinks({
  application,
  events,
}: {
  application: Application;
  events: ApplicationEventView[];
}) {
  const { t } = useI18n();
  const base = `/api/applications/${encodeURIComponent(application.id)}`;
  const has = (actions: readonly string[]) => events.some((e) => actions.includes(e.action));
  const links: { key: string; href: string; label: string }[] = [];
  if (application.receivedAt)
    links.push({ key: 'receipt', href: `${base}/receipt.pdf`, label: t('form.receipt') });
  for (const form of ['supplement', 'refusal', 'apology'] as const)
    if (has(FORM_EVENTS[form]))
      links.push({ key: form, href: `${base}/forms/${form}.pdf`, label: t(`form.${form}`) });
  links.push({
    key: 'control-sheet',
    href: `${base}/forms/control-sheet.pdf`,
    label: t('form.control-sheet'),
  });
  return (
    <section aria-labelledby="file-forms">
      <h2 id="file-forms">{t('file.forms')}</h2>
      <ul className="link-list">
        {links.map((l) => (
          <li key={l.key}>
            <a href={l.href} target="_blank" rel="noopener">
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
