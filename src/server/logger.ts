import { pino } from 'pino';

/** The part of pino's logger the application writes through; Fastify's request loggers are the same kind. */
export interface Logger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

/** The server's log: JSON lines on standard output, or nothing (tests, command-line runs that print their own). */
export function createLogger(options: { enabled: boolean }) {
  return pino({ enabled: options.enabled });
}

/** A log that keeps nothing. */
export const silentLogger: Logger = createLogger({ enabled: false });
