import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ERROR_MESSAGES } from '../../../shared/errors.js';
import { authApi } from '../../api/auth.api.js';
import { contractUrl } from '../../api/http.js';
import { oidcContracts } from '../../../shared/api/auth.contract.js';
import { fieldProblems, type ApiError } from '../../api/api-error.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { useErrorText } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';

const OIDC_ERRORS = ['oidc_failed', 'oidc_no_account'] as const;
type OidcError = (typeof OIDC_ERRORS)[number];
const isOidcError = (value: string | null): value is OidcError => OIDC_ERRORS.includes(value as OidcError);

/** Only paths inside the app may be returned to after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { state, refresh } = useSession();
  const providers = useApiQuery(oidcContracts.providers, {});

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<ApiError | string | null>(null);
  const [linkSent, setLinkSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const oidcError = params.get('error');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const allowsPassword = providers.status !== 'ok' || providers.data.password;
  const allowsLink = providers.status !== 'ok' || providers.data.magicLink;
  const oidc = providers.status === 'ok' ? providers.data.oidc : null;

  const validate = (wantsPassword: boolean) => {
    const errors: { email?: string; password?: string } = {};
    if (!email.trim()) errors.email = t('signIn.errors.emailMissing');
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = t('signIn.errors.emailInvalid');
    if (wantsPassword && !password) errors.password = t('signIn.errors.passwordMissing');
    setFieldErrors(errors);
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    return !errors.email && !errors.password;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const wantsLink = submitter?.value === 'link' || !allowsPassword;
    setFormError(null);
    setLinkSent(false);
    if (!validate(!wantsLink)) {
      setFormError(t('signIn.errors.summary'));
      return;
    }
    setBusy(true);
    try {
      if (wantsLink) {
        await authApi.requestMagicLink(email.trim());
        setLinkSent(true);
      } else {
        await authApi.signIn(email.trim(), password);
        await refresh();
        void navigate(safeNext(params.get('next')), { replace: true });
      }
    } catch (error) {
      const apiError = error as ApiError;
      setFormError(apiError);
      if (apiError.code === 'invalid_credentials') {
        setFieldErrors({ password: errorText(apiError) });
        passwordRef.current?.focus();
      } else if (apiError.code === 'validation_failed') {
        const problems = fieldProblems(apiError, t('errors.checkField'));
        setFieldErrors({ email: problems.email, password: problems.password });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      <div className="panel panel--narrow">
        {isOidcError(oidcError) ? (
          <Notice kind="error">
            <p>{ERROR_MESSAGES[oidcError][locale]}</p>
          </Notice>
        ) : null}
        <div aria-live="assertive" aria-atomic="true">
          {formError ? (
            <Notice kind="error" live={false}>
              <p>{typeof formError === 'string' ? formError : errorText(formError)}</p>
            </Notice>
          ) : null}
        </div>
        <div aria-live="polite" aria-atomic="true">
          {linkSent ? (
            <Notice kind="success" live={false} title={t('signIn.linkSentTitle')}>
              <p>{t('signIn.linkSent')}</p>
            </Notice>
          ) : null}
        </div>
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="stack">
          <TextField
            ref={emailRef}
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
          />
          {allowsPassword ? (
            <TextField
              ref={passwordRef}
              label={t('signIn.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
            />
          ) : null}
          <div className="actions">
            {allowsPassword ? (
              <button type="submit" name="action" value="password" className="button" aria-disabled={busy || undefined}>
                {t('signIn.submit')}
              </button>
            ) : null}
            {allowsLink ? (
              <button
                type="submit"
                name="action"
                value="link"
                className="button button--secondary"
                aria-disabled={busy || undefined}
              >
                {t('signIn.sendLink')}
              </button>
            ) : null}
          </div>
          {allowsLink ? <p className="field__hint">{t('signIn.linkHint')}</p> : null}
        </form>
        {oidc ? (
          <div className="divider-block">
            <p className="divider" aria-hidden="true">
              {t('signIn.or')}
            </p>
            <a className="button button--secondary button--block" href={contractUrl(oidcContracts.start)}>
              {t('signIn.oidc', { name: oidc.name })}
            </a>
          </div>
        ) : null}
      </div>
    </Page>
  );
}
