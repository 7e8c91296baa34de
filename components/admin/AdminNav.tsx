import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

type Section = 'overview' | 'learners' | 'users';

/** The admin area's sections; the current one is marked for assistive technology. */
export function AdminNav({ locale, t, current }: { locale: Locale; t: Translate; current: Section }) {
  const links: [Section, string][] = [
    ['overview', `/${locale}/admin`],
    ['learners', `/${locale}/admin/learners`],
    ['users', `/${locale}/admin/users`],
  ];
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {links.map(([section, href]) => (
          <li key={section}>
            <a href={href} aria-current={section === current ? 'page' : undefined}>
              {t(`admin.nav.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
