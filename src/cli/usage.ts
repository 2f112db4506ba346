// The usage lines of the commands, apart from the commands themselves, so that `samspil --help`
// loads this file and nothing that opens a database or starts a server.

export const DEMO_USAGE = 'samspil demo [--reset] [--seed N] [--lang da|en]';

export const IMPORT_USAGE = 'samspil import FILE --school ID|SLUG [--dry-run] [--lang da|en] [--json]';

export const SCHOOL_USAGE =
  'samspil school create --name NAME --slug SLUG --admin-email EMAIL --admin-name "GIVEN FAMILY" [--admin-id ID] [--municipality NAME] [--lang da|en]';

export const PLAY_GROUPS_USAGE = 'samspil play-groups CLASS.json [--report] [--lang da|en] > ROUNDS.json';
