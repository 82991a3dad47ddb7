import { roleAllows } from '@motcua/domain/permissions/roles';
import { InboxLink } from '../features/notifications/inbox-link.tsx';
import { LANGUAGES, useI18n } from '../i18n/i18n.tsx';
import { Link, ROUTES, usePath } from './router.tsx';
import { useSession } from './session.tsx';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-switch__button"
          aria-pressed={lang === code}
          onClick={() => setLang(code)}
        >
          {t(`lang.${code}`)}
        </button>
      ))}
    </div>
  );
}

export function SiteHeader() {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const user = session.status === 'authenticated' ? session.user : null;
  const path = usePath();
  const canReceive = user?.roles.some((g) => roleAllows(g.role, 'applications.receive')) ?? false;
  const canRead = user?.roles.some((g) => roleAllows(g.role, 'applications.read')) ?? false;
  const reports = user?.roles.some((g) => g.role === 'leader' || g.role === 'ioc_operator') ?? false;
  const brand = (
    <>
      <span className="brand__name">motcua</span>
      <span className="brand__tagline">{t('app.tagline')}</span>
    </>
  );
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          {user ? (
            <Link to={ROUTES.home} className="brand">
              {brand}
            </Link>
          ) : (
            <span className="brand">{brand}</span>
          )}
          <div className="site-header__tools">
            {user ? (
              <p className="account">
                <span className="visually-hidden">{t('header.account')}: </span>
                <span className="account__name">{user.fullName}</span>
                <span className="account__unit">{user.unitName}</span>
              </p>
            ) : null}
            {user ? <InboxLink /> : null}
            <LanguageSwitch />
            {user ? (
              <button type="button" className="button button--header" onClick={() => void logout()}>
                {t('header.logout')}
              </button>
            ) : null}
          </div>
        </div>
      </header>
      {user ? (
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="site-nav__list">
            <li>
              <Link to={ROUTES.home}>{t('nav.home')}</Link>
            </li>
            {canReceive ? (
              <li>
                <Link to={ROUTES.intake}>{t('nav.intake')}</Link>
              </li>
            ) : null}
            {canRead ? (
              <li>
                <Link to={ROUTES.queue} aria-current={path.startsWith(ROUTES.queue) ? 'page' : undefined}>
                  {t('nav.queue')}
                </Link>
              </li>
            ) : null}
            {canRead ? (
              <li>
                <Link to={ROUTES.digitization}>{t('nav.digitization')}</Link>
              </li>
            ) : null}
            {reports ? (
              <li>
                <Link to={ROUTES.satisfaction}>{t('nav.satisfaction')}</Link>
              </li>
            ) : null}
            {reports ? (
              <li>
                <Link to={ROUTES.statistics}>{t('nav.statistics')}</Link>
              </li>
            ) : null}
            {reports ? (
              <li>
                <Link to={ROUTES.serviceIndex}>{t('nav.serviceIndex')}</Link>
              </li>
            ) : null}
            <li>
              <Link to={ROUTES.lookup}>{t('nav.lookup')}</Link>
            </li>
            <li>
              <Link to={ROUTES.verify}>{t('nav.verify')}</Link>
            </li>
            <li>
              <Link to={ROUTES.units}>{t('nav.units')}</Link>
            </li>
            <li>
              <Link to={ROUTES.password}>{t('nav.password')}</Link>
            </li>
          </ul>
        </nav>
      ) : (
        // Signed out: the two pages a citizen can use without an account.
        <nav className="site-nav" aria-label={t('nav.publicLabel')}>
          <ul className="site-nav__list">
            <li>
              <Link to={ROUTES.lookup}>{t('nav.publicLookup')}</Link>
            </li>
            <li>
              <Link to={ROUTES.verify}>{t('nav.verify')}</Link>
            </li>
          </ul>
        </nav>
      )}
    </>
  );
}
