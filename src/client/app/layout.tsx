import * as Collapsible from '@radix-ui/react-collapsible';
import { Menu } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { Locale } from '../../shared/errors.js';
import { meApi } from '../api/me.api.js';
import { applyLocale, isLocale } from '../i18n/i18n.js';
import { useSession } from './session.js';
import { NotificationsLink } from '../pages/notifications/unread-count.js';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const current: Locale = isLocale(i18n.language) ? i18n.language : 'da';
  const other: Locale = current === 'da' ? 'en' : 'da';
  const choose = async () => {
    await applyLocale(other, { persist: true });
    if (me) {
      // The account remembers the choice for e-mails and other devices; the page has switched already.
      meApi.setLocale(other).catch(() => undefined);
    }
  };
  return (
    <button type="button" className="language-switch" onClick={() => void choose()}>
      <span lang={other}>{t(`layout.languageName.${other}`)}</span>
    </button>
  );
}

/** After navigation, focus goes to the new page's heading so it is announced; the first load leaves focus alone. */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash) return;
    const timer = window.setTimeout(() => {
      const heading = document.getElementById('page-title') ?? document.getElementById('main');
      heading?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [location.pathname, location.hash]);
}

export function Layout() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  useFocusOnNavigation();

  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // A chosen page closes the phone menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    void navigate('/login');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('layout.mainNavigation')} className="site-nav">
            {/* On a phone the pages sit behind a menu button; the bell and the language stay in view. */}
            <Collapsible.Root open={menuOpen} onOpenChange={setMenuOpen} className="site-nav__row">
              {me ? (
                <>
                  <Collapsible.Trigger ref={menuButton} className="menu-button">
                    <Menu aria-hidden="true" focusable="false" size={20} />
                    {t('layout.menu')}
                  </Collapsible.Trigger>
                  <Collapsible.Content forceMount className="site-nav__menu" onKeyDown={closeOnEscape}>
                    <ul>
                      <li>
                        <NavLink to="/" end>
                          {t('layout.nav.home')}
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/messages">{t('layout.nav.messages')}</NavLink>
                      </li>
                      <li>
                        <NavLink to="/profile">{t('layout.nav.profile')}</NavLink>
                      </li>
                      <li>
                        <button type="button" className="link-button" onClick={() => void onSignOut()}>
                          {t('layout.nav.signOut')}
                        </button>
                      </li>
                    </ul>
                  </Collapsible.Content>
                </>
              ) : null}
              <ul className="site-nav__bar">
                {me ? (
                  <li>
                    <NotificationsLink />
                  </li>
                ) : null}
                <li>
                  <LanguageSwitch />
                </li>
              </ul>
            </Collapsible.Root>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
