import { describe, expect, it } from 'vitest';
import { createLogger, loggableError, loggableUrl } from './logger.js';

describe('loggableUrl', () => {
  it('keeps the path and the names of query parameters, never their values', () => {
    expect(loggableUrl('/login/link?token=abc_DEF-123')).toBe('/login/link?token=[redacted]');
    expect(loggableUrl('/api/threads/search?q=skilsmisse&x=1')).toBe('/api/threads/search?q=[redacted]&x=[redacted]');
    expect(loggableUrl('/api/threads')).toBe('/api/threads');
    expect(loggableUrl('/api/calendar/s3cret-Token_0123456789abcdef.ics')).toBe('/api/calendar/[redacted]');
    expect(loggableUrl('/api/calendar/s3cret?x=1')).toBe('/api/calendar/[redacted]?x=[redacted]');
    expect(loggableUrl('/api/threads?')).toBe('/api/threads');
  });
});

describe('loggableError', () => {
  /** What PGlite and pg throw: the statement, its parameters and the failing row ride along. */
  const databaseError = (message: string) =>
    Object.assign(new Error(message), {
      severity: 'ERROR',
      code: '23514',
      constraint: 'messages_body_check',
      table: 'messages',
      detail: 'Failing row contains (1, Hemmelig tekst).',
      where: 'SQL statement "insert …"',
      query: 'insert into messages (body) values ($1)',
      params: ['Hemmelig tekst'],
      parameters: ['Hemmelig tekst'],
    });

  it('keeps what failed and where, and drops the statement, its parameters and the row', () => {
    const logged = loggableError(databaseError('new row for relation "messages" violates check constraint')) as Record<
      string,
      unknown
    >;
    expect(logged).toMatchObject({ code: '23514', constraint: 'messages_body_check', table: 'messages' });
    expect(logged.stack).toContain('violates check constraint');
    expect(JSON.stringify(logged)).not.toContain('Hemmelig');
    expect(JSON.stringify(logged)).not.toContain('insert');
  });

  it("removes the value a database message quotes, in the message and the stack's first line", () => {
    const logged = loggableError(databaseError('invalid input syntax for type uuid: "Hemmelig tekst"')) as Record<
      string,
      string
    >;
    expect(logged.message).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(logged.stack).not.toContain('Hemmelig');
  });

  it('follows the cause, and leaves what is not an error alone', () => {
    const wrapped = new Error('the send failed', { cause: databaseError('duplicate key value') });
    expect(JSON.stringify(loggableError(wrapped))).not.toContain('Hemmelig');
    expect((loggableError(wrapped) as { cause: { code: string } }).cause.code).toBe('23514');
    expect(loggableError('a message')).toBe('a message');
  });
});

describe('createLogger', () => {
  it('passes every logged error through loggableError', () => {
    const lines: string[] = [];
    const log = createLogger({ enabled: true, destination: { write: (line) => lines.push(line) } });
    const error = Object.assign(new Error('boom'), { params: ['Hemmelig tekst'] });
    log.error({ err: error }, 'failed');
    log.error({ error }, 'failed');
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain('Hemmelig');
    expect(lines.join('')).toContain('boom');
  });
});
