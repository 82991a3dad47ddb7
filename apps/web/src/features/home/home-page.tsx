import type { Role } from '@motcua/domain/permissions/roles';
import { ROLES, roleAllows } from '@motcua/domain/permissions/roles';
import { Link, ROUTES } from '../../app/router.tsx';
import { useUser } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';

/** What a role can open in motcua today: only pages that exist. */
function RoleSection({ role }: { role: Role }) {
  const { t } = useI18n();
  const headingId = `role-${role}`;
  return (
    <section className="card role-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`role.${role}`)}</h3>
      <p>{t(`roleInfo.${role}`)}</p>
      <ul className="link-list">
        {roleAllows(role, 'applications.receive') ? (
          <li>
            <Link to={ROUTES.intake}>{t('nav.intake')}</Link>
            <span className="link-list__note">{t('roleLink.intake')}</span>
          </li>
        ) : null}
        {roleAllows(role, 'applications.read') ? (
          <li>
            <Link to={ROUTES.queue}>{t('nav.queue')}</Link>
            <span className="link-list__note">{t('roleLink.queue')}</span>
          </li>
        ) : null}
        {roleAllows(role, 'applications.receive') ? (
          <li>
            <Link to={ROUTES.lookup}>{t('nav.lookup')}</Link>
            <span className="link-list__note">{t('roleLink.lookup')}</span>
          </li>
        ) : null}
        {roleAllows(role, 'units.read') ? (
          <li>
            <Link to={ROUTES.units}>{t('nav.units')}</Link>
            <span className="link-list__note">
              {roleAllows(role, 'units.manage') ? t('roleLink.unitsManage') : t('roleLink.unitsView')}
            </span>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const roles = ROLES.filter((role) => user.roles.some((grant) => grant.role === role));

  return (
    <Page title={t('home.title')} heading={t('home.greeting', { name: user.fullName })}>
      {user.mustChangePassword ? (
        <section className="alert alert--warning notice" aria-labelledby="must-change-title">
          <h2 id="must-change-title" className="alert__title">
            {t('home.mustChange.title')}
          </h2>
          <p>{t('home.mustChange.body')}</p>
          <p>
            <Link to={ROUTES.password} className="button button--primary">
              {t('home.mustChange.link')}
            </Link>
          </p>
        </section>
      ) : null}

      <dl className="facts card">
        <div>
          <dt>{t('home.unit')}</dt>
          <dd>{user.unitName}</dd>
        </div>
        <div>
          <dt>{t('home.roles')}</dt>
          <dd>
            <ul className="plain-list">
              {user.roles.map((grant) => (
                <li key={`${grant.role}-${grant.unitId}`}>
                  {t('home.roleAt', { role: t(`role.${grant.role}`), unit: grant.unitName })}
                  {grant.includesSubunits ? (
                    <span className="muted"> ({t('home.includesSubunits')})</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      {roles.length > 0 ? (
        <section aria-labelledby="by-role">
          <h2 id="by-role">{t('home.byRole')}</h2>
          <div className="card-grid">
            {roles.map((role) => (
              <RoleSection key={role} role={role} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="account">
        <h2 id="account">{t('home.account')}</h2>
        <div className="card">
          <ul className="link-list">
            <li>
              <Link to={ROUTES.password}>{t('nav.password')}</Link>
              <span className="link-list__note">
                {t('home.account.password', { username: user.username })}
              </span>
            </li>
          </ul>
        </div>
      </section>
    </Page>
  );
}
