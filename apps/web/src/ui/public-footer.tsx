import { Link, ROUTES } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The foot of a public page: the way to the other public page, and sign-in for a visitor not signed in. */
export function PublicFooter({ to, label }: { to: string; label: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <>
      <p className="lookup-signin">
        <Link to={to}>{label}</Link>
      </p>
      {session.status === 'anonymous' ? (
        <p>
          <Link to={ROUTES.login}>{t('lookup.signIn')}</Link>
        </p>
      ) : null}
    </>
  );
}
