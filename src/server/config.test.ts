import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('the log settings', () => {
  it('logs each request and reads easily in development; in production JSON lines and no requests', () => {
    expect(loadConfig({})).toMatchObject({ requestLog: true, logFormat: 'pretty' });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ requestLog: false, logFormat: 'json' });
  });

  it('logs requests in production only when asked to, and writes JSON when asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production', LOG_REQUESTS: '1' }).requestLog).toBe(true);
    expect(loadConfig({ LOG_REQUESTS: '0' }).requestLog).toBe(false);
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });
});
