import { z } from 'zod';

// Zod tries `new Function` when it builds its first object schema, to compile faster parsers. The
// Content-Security-Policy forbids eval, and the refused try is reported as a violation on every
// page. Imported first by main.tsx, so it runs before any schema module.
z.config({ jitless: true });
