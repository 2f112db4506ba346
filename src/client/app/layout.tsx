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

/** How long after a navigation a page still loading may take the focus to its heading. */
const FOCUS_WAIT_MS = 20_000;

/**
 * After navigation (a followed link, back or forward), focus goes to the new page's heading so it
 * is announced and the next Tab starts in the page; the first load leaves focus alone, and so does
 * a link to an anchor (the page moves there itself).
 *
 * The heading on screen right after a navigation is often a placeholder's: the lazy page's
 * "Henter" or a `Loaded` page still waiting for its data. When the loaded page replaces it, the
 * focused heading is removed and focus falls to the document's body, where the next Tab would
 * start again at the top. So the layout watches the page until it has finished loading (no
 * `.loading` left), and whenever the focus is still where the layout put it, or fell to the body
 * from there, it moves to the heading now on screen. Focus the reader has put anywhere else
 * (typing into a field while a draft loads) is theirs: the watch ends there.
 */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash) return;
    const main = document.getElementById('main');
    if (!main) return;
    let placed: Element | null = null;
    const observer = new MutationObserver(() => place(false));
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      window.clearTimeout(giveUp);
    };
    function place(now: boolean) {
      const active = document.activeElement;
      const fell = !active || active === document.body || !active.isConnected;
      if (!now && !fell && active !== placed) {
        stop();
        return;
      }
      const target = document.getElementById('page-title') ?? main!;
      if (target !== active) target.focus({ preventScroll: !now });
      placed = target;
      if (target !== main && !main!.querySelector('.loading')) stop();
    }
    const timer = window.setTimeout(() => {
      observer.observe(main, { childList: true, subtree: true });
      place(true);
    }, 0);
    const giveUp = window.setTimeout(stop, FOCUS_WAIT_MS);
    return stop;
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
