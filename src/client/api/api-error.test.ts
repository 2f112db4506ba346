import { describe, expect, it } from 'vitest';
import { ApiError, describeApiError, fieldProblems } from './api-error.js';

const error = (
  status: number,
  code: string,
  serverMessage = '',
  extra: { field?: string; details?: unknown; requestId?: string } = {},
) => new ApiError(status, code, serverMessage, extra.requestId ?? 'abc123', extra.field, extra.details);

describe('describeApiError', () => {
  it('translates a known code into the reader language', () => {
    expect(
      describeApiError(error(401, 'invalid_credentials', 'E-mail eller adgangskode er forkert.'), 'en', 'offline'),
    ).toBe('The e-mail or password is wrong.');
    expect(
      describeApiError(error(401, 'invalid_credentials', 'The e-mail or password is wrong.'), 'da', 'offline'),
    ).toBe('E-mail eller adgangskode er forkert.');
  });

  it('fills the request id into the message of a server fault', () => {
    expect(describeApiError(error(500, 'internal', '', { requestId: 'r-42' }), 'da', 'offline')).toContain(
      'Fejlnummer: r-42',
    );
  });

  it("keeps the server's text where only the server knows a value", () => {
    const locked = error(
      429,
      'sign_in_locked',
      'For mange forsøg. Prøv igen om 15 minutter, eller log ind med et link på e-mail.',
    );
    expect(describeApiError(locked, 'da', 'offline')).toContain('15 minutter');
  });

  it("shows an unknown code's server text, and the network text when the server was not reached", () => {
    expect(describeApiError(error(409, 'something_new', 'Noget nyt.'), 'da', 'offline')).toBe('Noget nyt.');
    expect(
      describeApiError(new ApiError(0, 'network', '', null, undefined, undefined), 'da', 'Ingen forbindelse'),
    ).toBe('Ingen forbindelse');
  });
});

describe('fieldProblems', () => {
  it('marks each field named in a validation answer once', () => {
    const problems = fieldProblems(
      error(400, 'validation_failed', '', {
        field: 'email',
        details: [
          { field: 'email', message: 'x' },
          { field: 'password', message: 'y' },
          { field: 'email', message: 'z' },
        ],
      }),
      'Tjek feltet.',
    );
    expect(problems).toEqual({ email: 'Tjek feltet.', password: 'Tjek feltet.' });
  });

  it('ignores import row issues, which carry line numbers rather than form fields', () => {
    expect(
      fieldProblems(
        error(422, 'import_invalid', '', { details: [{ line: 3, field: 'email', code: 'required', message: 'x' }] }),
        'Tjek feltet.',
      ),
    ).toEqual({});
  });
});
