import { pino, stdSerializers, type DestinationStream } from 'pino';
import { build as prettyStream } from 'pino-pretty';

/** The part of pino's logger the application writes through; Fastify's request loggers are the same kind. */
export interface Logger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

const REDACTED = '[redacted]';

/**
 * A URL as it may be logged: the path, and the names of its query parameters without their
 * values. Query strings carry secrets and message text (the sign-in link's token, search terms),
 * and a log is read by more people, for longer, than the request was meant for. A calendar
 * feed's path is its secret, so it goes too.
 */
export function loggableUrl(raw: string): string {
  // A calendar feed's secret is its path (calendar apps cannot send a cookie or a header).
  const url = raw.replace(/^\/api\/calendar\/[^/?#]+/, `/api/calendar/${REDACTED}`);
  const at = url.indexOf('?');
  if (at === -1) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=${REDACTED}`);
  return names.length > 0 ? `${url.slice(0, at)}?${names.join('&')}` : url.slice(0, at);
}

/**
 * The fields of an error that may be logged. A database error also carries the statement, its
 * parameters (`params`, `query`), and `detail`/`where` ("Failing row contains (…)"): a message's
 * subject and body, an e-mail address. None of those leave the process; the SQLSTATE code and the
 * constraint, table and column say what failed.
 */
const LOGGABLE_ERROR_FIELDS = [
  'code',
  'statusCode',
  'severity',
  'constraint',
  'table',
  'column',
  'dataType',
  'routine',
  'errno',
  'syscall',
  'address',
  'port',
] as const;

/** A PostgreSQL message quotes the value it could not read at its end (`invalid input syntax for type uuid: "…"`). */
const withoutQuotedValue = (message: string) => message.replace(/: ".*"$/s, `: "${REDACTED}"`);

function isDatabaseError(error: Record<string, unknown>): boolean {
  return typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && 'severity' in error;
}

/** pino's error serializer, less everything that may hold data (see LOGGABLE_ERROR_FIELDS). */
export function loggableError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const raw = error as unknown as Record<string, unknown>;
  const serialized = stdSerializers.err(error);
  const message = isDatabaseError(raw) ? withoutQuotedValue(error.message) : error.message;
  const out: Record<string, unknown> = {
    type: serialized.type,
    message,
    stack: (serialized.stack ?? '').replace(error.message, message),
  };
  for (const field of LOGGABLE_ERROR_FIELDS) if (raw[field] !== undefined) out[field] = raw[field];
  if (error.cause !== undefined && depth < 5) out.cause = loggableError(error.cause, depth + 1);
  return out;
}

/** What is logged of a request, if Fastify logs one: never its query values, headers or body. */
function loggableRequest(request: { method?: string; url?: string; ip?: string }) {
  return { method: request.method, url: loggableUrl(request.url ?? ''), remoteAddress: request.ip };
}

export interface LoggerOptions {
  enabled: boolean;
  /** One readable line per entry (development) instead of JSON lines. */
  pretty?: boolean;
  /** Where the lines go: standard output unless given (tests capture the log this way). */
  destination?: DestinationStream;
}

/**
 * The server's log: JSON lines on standard output, readable lines in development, or nothing
 * (tests, command-line runs that print their own). Errors and requests pass through the
 * serializers above wherever they are logged.
 */
export function createLogger(options: LoggerOptions) {
  const destination =
    options.destination ??
    (options.pretty
      ? prettyStream({
          sync: true,
          translateTime: 'SYS:HH:MM:ss',
          // One line per request: the request id leads the message, the request's fields are in it.
          messageFormat: '{if reqId}{reqId} {end}{msg}',
          ignore: 'pid,hostname,reqId,requestId,request',
        })
      : undefined);
  return pino(
    {
      enabled: options.enabled,
      serializers: { err: loggableError, error: loggableError, req: loggableRequest },
    },
    destination,
  );
}

/** A log that keeps nothing. */
export const silentLogger: Logger = createLogger({ enabled: false });
