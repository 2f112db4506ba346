import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth.api.js';
import { useSession } from '../../app/session.js';
import { useAction } from '../../app/query.js';
import { ActionError } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';

/**
 * The page a sign-in e-mail links to. Signing in takes a click rather than happening on load,
 * so mail scanners that open links do not use up the one-time token.
 */
export function MagicLinkPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const { refresh } = useSession();
  // The mail puts the token in the fragment (never sent to a server); links mailed before that
  // carry it in the query.
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? params.get('token') ?? '';
  const verify = useAction(async () => {
    await authApi.verifyMagicLink(token);
    await refresh();
    void navigate('/', { replace: true });
  });

  return (
    <Page title={t('magicLink.title')} lead={token ? t('magicLink.lead') : undefined}>
      <div className="panel panel--narrow stack">
        {token ? (
          <>
            <ActionError error={verify.error} />
            <button
              type="button"
              className="button button--block"
              onClick={() => void verify.run()}
              aria-disabled={verify.busy || undefined}
            >
              {t('magicLink.submit')}
            </button>
          </>
        ) : (
          <Notice kind="warning">
            <p>{t('magicLink.missingToken')}</p>
          </Notice>
        )}
        <p>
          <Link to="/login">{t('magicLink.backToSignIn')}</Link>
        </p>
      </div>
    </Page>
  );
}
