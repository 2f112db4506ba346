import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { oidcContracts } from '../../../shared/api/auth.contract.js';
import {
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  ZMagicLinkRequest,
  ZSignInRequest,
} from '../../../shared/api/auth.schema.js';
import { ERROR_MESSAGES } from '../../../shared/errors.js';
import type { ApiError } from '../../api/api-error.js';
import { authApi } from '../../api/auth.api.js';
import { contractUrl } from '../../api/http.js';
import { useApiQuery } from '../../app/query.js';
import { useSession } from '../../app/session.js';
import { useErrorText } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { problemText, showServerProblems } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';

/** What the form holds; the password is ignored when a link is asked for. */
interface TSignInForm {
  email: string;
  password: string;
}
const passwordResolver = zodResolver(ZSignInRequest);
// Asking for a link checks the address alone; whatever the password field holds is not sent.
const linkResolver = zodResolver(ZMagicLinkRequest.extend({ password: z.string() }));

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

  const mode = useRef<'password' | 'link'>('password');
  const form = useForm<TSignInForm, unknown, TSignInForm>({
    // One form, two requests: the button pressed decides which shared schema checks it, so asking
    // for a link never complains about an empty password.
    resolver: (values, context, options) =>
      mode.current === 'link' ? linkResolver(values, context, options) : passwordResolver(values, context, options),
    defaultValues: { email: '', password: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = form.formState;
  const [formError, setFormError] = useState<ApiError | string | null>(null);
  const [linkSent, setLinkSent] = useState(false);

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const oidcError = params.get('error');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const allowsPassword = providers.status !== 'ok' || providers.data.password;
  const allowsLink = providers.status !== 'ok' || providers.data.magicLink;
  const oidc = providers.status === 'ok' ? providers.data.oidc : null;
  const busy = form.formState.isSubmitting;

  const emailError = errors.email
    ? problemText(
        errors.email,
        form.getValues('email').trim() ? t('signIn.errors.emailInvalid') : t('signIn.errors.emailMissing'),
      )
    : undefined;
  const passwordError = errors.password
    ? problemText(
        errors.password,
        form.getValues('password')
          ? t('signIn.errors.passwordTooLong', { max: MAX_PASSWORD_LENGTH })
          : t('signIn.errors.passwordMissing'),
      )
    : undefined;

  const send = async (values: TSignInForm) => {
    setFormError(null);
    try {
      if (mode.current === 'link') {
        await authApi.requestMagicLink(values.email);
        setLinkSent(true);
      } else {
        await authApi.signIn(values.email, values.password);
        await refresh();
        void navigate(safeNext(params.get('next')), { replace: true });
      }
    } catch (error) {
      const apiError = error as ApiError;
      setFormError(apiError);
      if (apiError.code === 'invalid_credentials') {
        form.setError('password', { type: 'server', message: errorText(apiError) }, { shouldFocus: true });
      } else if (apiError.code === 'validation_failed') {
        showServerProblems(form.setError, apiError, t('errors.checkField'));
      }
    }
  };
  const submit = form.handleSubmit(send, () => {
    setFormError(t('signIn.errors.summary'));
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    mode.current = submitter?.value === 'link' || !allowsPassword ? 'link' : 'password';
    setFormError(null);
    setLinkSent(false);
    void submit(event);
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
        <form noValidate onSubmit={onSubmit} className="stack">
          <TextField
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            maxLength={MAX_EMAIL_LENGTH}
            error={emailError}
            {...form.register('email')}
          />
          {allowsPassword ? (
            <TextField
              label={t('signIn.password')}
              type="password"
              autoComplete="current-password"
              maxLength={MAX_PASSWORD_LENGTH}
              error={passwordError}
              {...form.register('password')}
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
