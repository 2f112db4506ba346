import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { generatePlayGroups, PlayGroupsError, type PlayGroupsInput } from '../domain/play-groups/index.js';
import { measurePlayGroups } from '../domain/play-groups/measure.js';

type Language = 'da' | 'en';

const USAGE: Record<Language, string> = {
  da: `Brug: samspil play-groups KLASSE.json [--lang da|en] [--report] > RUNDER.json

  Laver skiftende legegrupper for en klasse og skriver runderne som JSON på stdout
  (specs/play-groups.md). Samme fil (med samme seed) giver samme runder.
  --lang da|en    sproget i fejlbeskederne (standard da)
  --report        skriv rundernes mål på stderr
`,
  en: `Usage: samspil play-groups CLASS.json [--lang da|en] [--report] > ROUNDS.json

  Makes rotating play groups for a class and writes the rounds as JSON to stdout
  (specs/play-groups.md). The same file (with the same seed) gives the same rounds.
  --lang da|en    language of the error messages (default da)
  --report        print the rounds' measure to stderr
`,
};

const REFUSED: Record<PlayGroupsError['code'], Record<Language, string>> = {
  'too-few-children': {
    da: 'Klassen har færre børn end én gruppe',
    en: 'The class has fewer children than one group',
  },
  'apart-impossible': {
    da: 'Børn, der skal holdes adskilt, gør enhver runde umulig',
    en: 'The children to be kept apart make every round impossible',
  },
  'invalid-input': { da: 'Filen er ikke en gyldig klasse', en: 'The file is not a valid class' },
};

/** `samspil play-groups`: exit 0 with the rounds on stdout, or exit 2 with the problem on stderr. */
export async function runPlayGroups(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE.da}\n${USAGE.en}`);
    return 0;
  }
  const languageAt = args.indexOf('--lang');
  const language: Language = languageAt >= 0 && args[languageAt + 1] === 'en' ? 'en' : 'da';
  const fail = (message: Record<Language, string>, usage = false) => {
    process.stderr.write(`${message[language]}\n${usage ? `\n${USAGE[language]}` : ''}`);
    return 2;
  };
  let file = '';
  let report = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--report') report = true;
    else if (arg === '--lang') {
      const next = args[++i];
      if (next !== 'da' && next !== 'en')
        return fail({ da: '--lang skal være da eller en', en: '--lang must be da or en' }, true);
    } else if (arg.startsWith('--')) return fail({ da: `ukendt tilvalg ${arg}`, en: `unknown option ${arg}` }, true);
    else if (file === '') file = arg;
    else return fail({ da: `uventet argument ${arg}`, en: `unexpected argument ${arg}` }, true);
  }
  if (file === '') return fail({ da: 'KLASSE.json mangler', en: 'CLASS.json is missing' }, true);

  let input: PlayGroupsInput;
  try {
    input = JSON.parse(await readFile(file, 'utf8')) as PlayGroupsInput;
  } catch (error) {
    const detail =
      error instanceof SyntaxError ? { da: 'filen er ikke gyldig JSON', en: 'the file is not valid JSON' } : undefined;
    const message = error instanceof Error ? error.message : String(error);
    return fail({
      da: `Kan ikke læse ${file}: ${detail?.da ?? message}`,
      en: `Cannot read ${file}: ${detail?.en ?? message}`,
    });
  }
  const started = performance.now();
  let result;
  try {
    result = generatePlayGroups(input);
  } catch (error) {
    if (!(error instanceof PlayGroupsError)) throw error;
    const heading = REFUSED[error.code];
    // The detail names the ids and numbers of the file; it is written in English only.
    return fail({
      da: `${heading.da} (${file}); der er ikke lavet nogen runder: ${error.message}`,
      en: `${heading.en} (${file}); no rounds were made: ${error.message}`,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (report) {
    const m = measurePlayGroups(input, result);
    const rows: [string, string, string | number][] = [
      ['1. Gyldig', '1. Valid', m.problems.length === 0 ? (language === 'da' ? 'ja' : 'yes') : m.problems.join('; ')],
      ['2. Runder uden gentagne par', '2. Repeat-free rounds', `${m.repeatFreeRounds} / ${input.rounds}`],
      [
        '3. Gentagne møder / flest møder for et par',
        '3. Repeated meetings / most meetings of a pair',
        `${m.repeats} / ${m.maxMeetings}`,
      ],
      [
        '4. Grupper af ét køn (heraf undgåelige)',
        '4. One-gender groups (avoidable)',
        `${m.oneGenderGroups} (${m.avoidableOneGenderGroups})`,
      ],
      ['Tid (s)', 'Time (s)', seconds.toFixed(2)],
    ];
    process.stderr.write(`${rows.map(([da, en, value]) => `${language === 'da' ? da : en}: ${value}`).join('\n')}\n`);
  }
  return 0;
}
