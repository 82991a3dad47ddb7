import type { MouseEvent } from 'react';
import { LoginPage } from '../features/auth/login-page.tsx';
import { PasswordPage } from '../features/auth/password-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { UnitsPage } from '../features/units/units-page.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Page } from '../ui/page.tsx';
import { SiteHeader } from './header.tsx';
import { Link, ROUTES, Redirect, usePath } from './router.tsx';
import { useSession } from './session.tsx';

function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={ROUTES.home}>{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

function Content() {
  const { t } = useI18n();
  const { session } = useSession();
  const path = usePath();

  if (session.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  if (session.status === 'anonymous') {
    return path === ROUTES.login ? <LoginPage expired={session.expired} /> : <Redirect to={ROUTES.login} />;
  }
  switch (path) {
    case ROUTES.login:
      return <Redirect to={ROUTES.home} />;
    case ROUTES.home:
      return <HomePage />;
    case ROUTES.units:
      return <UnitsPage />;
    case ROUTES.password:
      return <PasswordPage />;
    default:
      return <NotFoundPage />;
  }
}

export function App() {
  const { t } = useI18n();
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipLink')}
      </a>
      <SiteHeader />
      <main id="main" className="site-main" tabIndex={-1}>
        <Content />
      </main>
    </>
  );
}
