import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { createDeps, openConfiguredDatabase } from '../server/server.js';
import { AppError } from '../server/errors.js';
import { MAGIC_LINK_MINUTES } from '../server/auth/magic-link.service.js';
import {
  createSchool,
  parseCreateSchool,
  type SchoolCreated,
  type TCreateSchoolInput,
} from '../server/schools/school.service.js';
import { errorMessage, type Locale } from '../shared/errors.js';
import { SCHOOL_USAGE } from './usage.js';

const TEXT = {
  da: {
    usage: `Brug: ${SCHOOL_USAGE}`,
    missing: (options: string[]) => `Mangler: ${options.join(', ')}`,
    created: (s: SchoolCreated) =>
      `Skolen »${s.name}« (kortnavn ${s.slug}) er oprettet med ${s.administrator.name} som administrator.`,
    linkSent: (email: string, loginUrl: string) =>
      `Et link til at logge ind er sendt til ${email}; det gælder i ${MAGIC_LINK_MINUTES} minutter. Bagefter kan administratoren bede om et nyt på ${loginUrl}.`,
    linkFailed: (loginUrl: string) =>
      `Linket til at logge ind kunne ikke sendes (se loggen). Administratoren kan bede om et på ${loginUrl}.`,
    notDelivered: (devMailUrl: string | null) =>
      `SMTP_URL er ikke sat, så mailen er kun gemt i udbakken${devMailUrl ? ` og kan læses på ${devMailUrl}` : ''}.`,
    principle:
      'Skolens princip er startet som en kladde; ledelsen retter den til og registrerer bestyrelsens vedtagelse.',
  },
  en: {
    usage: `Usage: ${SCHOOL_USAGE}`,
    missing: (options: string[]) => `Missing: ${options.join(', ')}`,
    created: (s: SchoolCreated) =>
      `The school "${s.name}" (short name ${s.slug}) has been created with ${s.administrator.name} as its administrator.`,
    linkSent: (email: string, loginUrl: string) =>
      `A sign-in link has been sent to ${email}; it is valid for ${MAGIC_LINK_MINUTES} minutes. After that the administrator can ask for a new one at ${loginUrl}.`,
    linkFailed: (loginUrl: string) =>
      `The sign-in link could not be sent (see the log). The administrator can ask for one at ${loginUrl}.`,
    notDelivered: (devMailUrl: string | null) =>
      `SMTP_URL is not set, so the mail is only kept in the outbox${devMailUrl ? ` and can be read at ${devMailUrl}` : ''}.`,
    principle: "The school's principle starts as a draft; the leadership edits it and records the board's adoption.",
  },
};

const REQUIRED = ['name', 'slug', 'admin-email', 'admin-name'] as const;

/**
 * `samspil school create`: a real school and its first administrator, who signs in by the link
 * mailed to them. Its details are checked before the database is opened.
 */
export async function schoolCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [action, ...rest] = args;
  if (action === '--help' || action === '-h' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${SCHOOL_USAGE}\n`);
    return 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      municipality: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-id': { type: 'string' },
      lang: { type: 'string', default: 'da' },
    },
  });
  const locale: Locale = values.lang === 'en' ? 'en' : 'da';
  const t = TEXT[locale];
  const missing = REQUIRED.filter((option) => values[option] === undefined).map((option) => `--${option}`);
  if (action !== 'create' || missing.length > 0) {
    if (action === 'create') process.stderr.write(`${t.missing(missing)}\n`);
    process.stderr.write(`${t.usage}\n`);
    return 2;
  }
  const input: TCreateSchoolInput = {
    name: values.name!,
    slug: values.slug!,
    municipality: values.municipality,
    administrator: { email: values['admin-email']!, name: values['admin-name']!, externalId: values['admin-id'] },
  };
  const refuse = (error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${errorMessage(error.code, locale, error.options.params)}\n`);
    return 2;
  };
  try {
    parseCreateSchool(input);
  } catch (error) {
    return refuse(error);
  }

  const config = loadConfig(env);
  const database = await openConfiguredDatabase(config);
  try {
    const deps = createDeps(config, database);
    const created = await createSchool(deps, input, locale).catch(refuse);
    if (typeof created === 'number') return created;
    const loginUrl = `${config.publicUrl}/login`;
    const lines = [
      t.created(created),
      created.linkSent ? t.linkSent(created.administrator.email, loginUrl) : t.linkFailed(loginUrl),
      ...(deps.mailer.delivers ? [] : [t.notDelivered(config.production ? null : `${config.publicUrl}/dev/mail`)]),
      t.principle,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
