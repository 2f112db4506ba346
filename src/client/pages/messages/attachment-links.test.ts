import { describe, expect, it } from 'vitest';
import { formatFileSize } from './attachment-links.js';

describe('file sizes as people read them', () => {
  it('says kB under a megabyte and MB with one decimal above, in the reader’s language', () => {
    expect(formatFileSize(200, 'da')).toBe('1 kB');
    expect(formatFileSize(86_000, 'da')).toBe('84 kB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'da')).toBe('2,5 MB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
  });
});
