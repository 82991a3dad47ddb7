import type { MouseEvent } from 'react';
import { ApplicationPage } from '../features/applications/application-page.tsx';
import { IntakePage } from '../features/applications/intake-page.tsx';
import { LookupPage } from '../features/applications/lookup-page.tsx';
import { QueuePage } from '../features/applications/queue-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { PasswordPage } from '../features/auth/password-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { InboxPage } from '../features/notifications/inbox-page.tsx';
import { DigitizationPage } from '../features/records/digitization-page.tsx';
import { SatisfactionPage } from '../features/ratings/satisfaction-page.tsx';
import { IndexPage } from '../features/reports/index-page.tsx';
import { SummaryPage } from '../features/reports/summary-page.tsx';
import { UnitsPage } from '../features/units/units-page.tsx';
import { VerifyPage } from '../features/verify/verify-page.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Page } from '../ui/page.tsx';
import { SiteHeader } from './header.tsx';
import { Link, ROUTES, Redirect, matchApplication, usePath } from './router.tsx';
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
  // The public lookup opens for everyone, signed in or not (the QR code on the slip points there).
  if (path === ROUTES.lookup) return <LookupPage />;
  // So does the check of a signed PDF result: the citizen holds the file, not an account.
  if (path === ROUTES.verify) return <VerifyPage />;
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
    case ROUTES.intake:
      return <IntakePage />;
    case ROUTES.queue:
      return <QueuePage />;
    case ROUTES.inbox:
      return <InboxPage />;
    case ROUTES.digitization:
      return <DigitizationPage />;
    case ROUTES.satisfaction:
      return <SatisfactionPage />;
    case ROUTES.statistics:
      return <SummaryPage />;
    case ROUTES.serviceIndex:
      return <IndexPage />;
    default: {
      const applicationId = matchApplication(path);
      return applicationId ? <ApplicationPage key={applicationId} id={applicationId} /> : <NotFoundPage />;
    }
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
