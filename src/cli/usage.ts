// The usage lines of the commands, apart from the commands themselves, so that `samspil --help`
// loads this file and nothing that opens a database or starts a server.

export const DEMO_USAGE = 'samspil demo [--reset] [--seed N] [--lang da|en]';

export const IMPORT_USAGE = 'samspil import FILE --school ID|SLUG [--dry-run] [--lang da|en] [--json]';
