import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Set to use a PostgreSQL server instead of the embedded database. */
  databaseUrl?: string;
  /** The address users reach the app at; used in links sent by e-mail. */
  publicUrl: string;
  /** `smtp://user:pass@host:port`; without it mail is kept in the database and shown on /dev/mail. */
  smtpUrl?: string;
  mailFrom: string;
  production: boolean;
  sessionDays: number;
  oidc?: { issuer: string; clientId: string; clientSecret: string; name: string };
  /**
   * Whether to believe X-Forwarded-For: false by default, so a client cannot pick its own address
   * and slip past per-IP limits; set TRUST_PROXY to the proxy's address (or `true`) behind one.
   */
  trustProxy: boolean | string;
  /** Serve the built client from this folder (absent in API-only tests). */
  clientDir?: string;
  /** Browser tests may move the server's clock (SAMSPIL_TEST_CLOCK=1); never in production. */
  testClock: boolean;
  /** One log line per request: on in development, off in production unless LOG_REQUESTS=1. */
  requestLog: boolean;
  /** `pretty`: one readable line per entry (development's default); `json`: JSON lines (production's). */
  logFormat: 'pretty' | 'json';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '0.0.0.0';
  const production = env.NODE_ENV === 'production';
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Samspil <no-reply@samspil.dk>',
    production,
    sessionDays: Number(env.SESSION_DAYS ?? 14),
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET ?? '',
            name: env.OIDC_NAME ?? 'MitID / UNI-Login',
          }
        : undefined,
    trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY || false,
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist/client'),
    testClock: env.SAMSPIL_TEST_CLOCK === '1' && !production,
    requestLog: env.LOG_REQUESTS ? env.LOG_REQUESTS === '1' || env.LOG_REQUESTS === 'true' : !production,
    logFormat:
      env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty' ? env.LOG_FORMAT : production ? 'json' : 'pretty',
  };
}
