import { SENSITIVE_TOPICS } from '../../shared/api/messaging.schema.js';
/**
 * Topics that a principle such as seed 002 wants handled by phone or in a meeting rather than in
 * writing ("mere komplekse eller følsomme problemstillinger"). Danish and English terms, matched
 * as whole words with their inflections and, where the stem is unambiguous, inside compounds
 * ("cybermobning", "skilsmissebarn"). Words that are harmless in other senses ("karakter" in
 * "karakterbogen", "samvær" at a parent meeting, "slår teltet op") only count in a context that
 * gives them the sensitive sense. The advice never blocks a message, so a rare false positive
 * costs a glance, a false negative a conversation that should have been a call.
 */

export { SENSITIVE_TOPICS };
export type SensitiveTopic = (typeof SENSITIVE_TOPICS)[number];

export interface SensitiveTopicMatch {
  topic: SensitiveTopic;
  /** The words in the text that gave the topic away, in order of appearance, each once. */
  matches: string[];
}

/** Any letters: inflection endings and the rest of a compound. */
const W = String.raw`\p{L}*`;
/**
 * A child or adult the sentence is about: the object of a blow, a kick, a push. Not "os", "dig",
 * "dem": "vi slår os ned", "slog dem 3-1".
 */
const PERSON = String.raw`(?:mig|ham|hende|(?:min|mit|mine|vores|hans|hendes|jeres|din|dit|sin|sit) (?:søn|datter|dreng|pige|barn|børn|klassekammerat${W}|kammerat${W}|ven|veninde|venner|bror|søster|lillebror|lillesøster|storebror|storesøster)|andre (?:børn|elever)|en (?:anden )?(?:elev|klassekammerat|dreng|pige|lærer|pædagog)|lærer(?:en|ne)?|pædagog(?:en|erne)?)`;
const PERSON_EN = String.raw`(?:me|him|her|(?:my|our|his|her|their|your) (?:son|daughter|child|kid|boy|girl|friend|classmate|brother|sister)s?|other (?:children|kids|students|pupils)|(?:a|another) (?:student|pupil|classmate|child|kid|teacher))`;
const GRADE = String.raw`(?:karakter${W}|bedømmelse${W}|standpunkt${W})`;
const GRADE_EN = String.raw`(?:grades?|marks?|grading|assessments?)`;
const A_FEW_WORDS = String.raw`(?:\p{L}+ ){0,2}`;

const TERMS: Record<SensitiveTopic, readonly string[]> = {
  bullying: [
    `${W}mobb${W}`,
    `${W}mobning${W}`,
    String.raw`drille(?:r|s|t|de|ri|riet|rier|rierne)?`,
    String.raw`holdt udenfor|holdes udenfor|hold(?:e|er) (?:ham|hende|mig|os|dem) udenfor|frosset ud|fryser (?:ham|hende|mig|os|dem) ud`,
    String.raw`${W}bull(?:y|ies|ied|ying)`,
    String.raw`pick(?:s|ed|ing)? on`,
    String.raw`teas(?:e|es|ed|ing)`,
    String.raw`(?:is|are|was|were|being|gets?|got|feels?|felt) (?:always |often )?left out`,
  ],
  wellbeing: [
    `mistriv${W}`,
    String.raw`trives (?:ikke|dårligt)|ikke (?:at )?trives|dårlig trivsel|trivselsproblem${W}`,
    `bekymr${W} (?:os |mig )?for ${A_FEW_WORDS}trivsel${W}`,
    String.raw`bekymr${W} (?:os |mig )?for (?:ham|hende|barnet|jeres barn|dit barn|(?:vores|min|jeres|din) (?:søn|datter|dreng|pige))`,
    String.raw`(?:han|hun|hen|barnet|drengen|pigen) (?:er|var|bliver|blev) (?:\p{L}+ )?ked af det`,
    String.raw`græder (?:hver|tit|ofte|meget|når|om)|græd (?:hele|hver|meget)`,
    `ensom${W}`,
    String.raw`(?:ingen|ikke nogen|ikke nogle) venner`,
    `(?:eksamens|præstations|social|skole|separations)?angst${W}`,
    `stress${W}`,
    String.raw`(?:lavt|dårligt) selvværd`,
    `underretning${W}`,
    String.raw`well-?being (?:concerns?|issues?|worries)|worried about (?:his|her|their|my|your) (?:well-?being|mental health)|(?:is not|isn't|isn’t|not) thriving`,
    String.raw`unhappy|lonely|loneliness|no friends|anxious|anxiety|panic attacks?|stressed|low self-esteem|mental health`,
    String.raw`(?:he|she|they) (?:is|was|seems|feels|felt) (?:very |so |really )?sad|cr(?:ies|ying) (?:every|at|before|when|a lot)`,
  ],
  diagnosis: [
    String.raw`ADHD`,
    `autis${W}`,
    `asperger${W}`,
    `${W}diagnos${W}`,
    String.raw`udredning${W}|udred(?:t|es|e)`,
    `ordblind${W}|talblind${W}|dyslek${W}|dyslexi${W}|dyskalkuli${W}|dyscalculi${W}`,
    String.raw`OCD|PPR|Tourette${W}|epilep${W}`,
    String.raw`${W}psykiat${W}|${W}psykolog(?:en|er|erne|samtale${W})?|psychiatr${W}|psychologist${W}`,
    `depressi${W}|deprimere${W}|depressed`,
    String.raw`spiseforstyrrelse${W}|anoreksi${W}|anorexi${W}|bulimi${W}|eating disorders?`,
    String.raw`medicin(?:eret|eres|ering)|learning disabilit(?:y|ies)|special needs`,
  ],
  violence: [
    String.raw`vold(?:en|elig|elige|eligt|elighed|sepisode${W}|shandling${W}|sramt${W}|soffer${W}|sofre)?`,
    `(?<!seksuel${W} )overgreb${W}`,
    `slagsmål${W}|tæsk${W}|tæve(?:t|de|r)`,
    `(?:slå|slår|slog|sparke|sparker|sparkede|skubbe|skubber|skubbede|kvæle|kvæler|kvalte|bider|bed|bankede|banker) ${PERSON}(?! ned)`,
    String.raw`(?:blev|er blevet|bliver|blevet) (?:\p{L}+ )?(?:slået|sparket|skubbet|tævet|banket|truet|bidt|kvalt)(?! (?:ud|op|sammen|fast|fra|på))`,
    String.raw`trussel|truslen|trusler|truslerne|truet|truede|truer (?:med|ham|hende|mig|os)`,
    String.raw`violen(?:ce|t)|assault(?:s|ed)?|(?:beat|beats|beaten|beating) up|punch(?:ed|es|ing)|threat(?:s|ened)`,
    // "She hit her head on the slide" is an accident.
    `(?:hit|hits|hitting|kick|kicks|kicked|kicking|slap|slaps|slapped|bites|choked) ${PERSON_EN}(?! (?:head|own|hand|knee|leg|arm|foot|elbow))`,
    String.raw`(?:was|were|got|been|being) (?:hit|kicked|pushed|slapped|bitten|choked|strangled)|(?:got|get|gets|getting|was|been) (?:in|into) (?:a )?fights?|fist ?fights?`,
  ],
  family_conflict: [
    `${W}skilsmisse${W}`,
    String.raw`(?:er|var|blevet|bliver|blev|skal|skulle) (?:\p{L}+ )?skilt|skilles|skiltes|lade(?:t)? sig skille|(?:er|var) gået fra hinanden|gik fra hinanden`,
    `${W}forældremyndighed${W}|samværs${W}|bopælsforæld${W}|delebarn${W}|delebørn${W}|familieret${W}|statsforvaltning${W}`,
    String.raw`samvær med (?:sin |hans |hendes )?(?:far|mor|faren|moren)|(?:far|faren|mor|moren) (?:har|havde|får|fik|skal have) samvær`,
    String.raw`${W}konflikt${W} (?:mellem|med) (?:os|forældrene|hans far|hendes far|hans mor|hendes mor|faren|moren|min eks)|forældrekonflikt${W}|højkonflikt${W}`,
    String.raw`(?:eks|ex)-?(?:mand|manden|kone|konen|kæreste|kæresten|partner)|min eks`,
    `divorc${W}|custody|visitation (?:rights|schedule|arrangements?)|co-?parent${W}|family court|ex-?(?:husband|wife|partner)|my ex`,
    String.raw`(?:are|were|got|have|has|had) (?:\p{L}+ )?separated`,
  ],
  grade_dispute: [
    `karakterklage${W}`,
    `klage${W} over ${A_FEW_WORDS}(?:${GRADE}|eksamen${W}|prøve${W})`,
    `uenig${W} (?:i|med|om) ${A_FEW_WORDS}${GRADE}`,
    `(?:uretfærdig${W}|forkert${W}|for lav${W}|for hård${W}|urimelig${W}) ${GRADE}`,
    `${GRADE} (?:(?:for|i|til) ${A_FEW_WORDS})?(?:er|var) (?:\\p{L}+ )?(?:uretfærdig${W}|forkert${W}|for lav|urimelig${W})`,
    String.raw`hvorfor fik (?:han|hun|jeg|vi|\p{L}+) (?:kun (?:-3|00|02|4|7)|-3|00|02)`,
    `revurder${W} ${A_FEW_WORDS}${GRADE}`,
    `(?:disagree|disagreed|disagreeing) with ${A_FEW_WORDS}${GRADE_EN}`,
    `(?:unfair|wrong|incorrect|unjust|too low) ${GRADE_EN}`,
    `${GRADE_EN} (?:(?:for|on|in) ${A_FEW_WORDS})?(?:is|was|are|were|seems?) (?:\\p{L}+ )?(?:unfair|wrong|incorrect|unjust|too low)`,
    `(?:complain${W}|appeal${W}) (?:about |against )?${A_FEW_WORDS}${GRADE_EN}`,
    String.raw`marked down`,
  ],
  absence: [
    // Only absence that worries: "meld fravær" and "fravær skal meldes inden kl. 8" are how a sick day is reported.
    String.raw`(?:meget|højt|stort|bekymrende|ulovligt|ekstraordinært|gentaget|hyppigt|længerevarende|langvarigt|ufrivilligt|en del|for meget|så meget) fravær${W}`,
    `fraværet (?:er|var|har været|bliver) (?:\\p{L}+ )?(?:højt|stort|steget|stigende|bekymrende|for højt)`,
    `${W}fraværs(?:procent${W}|samtale${W}|møde${W}|mønster${W}|problem${W})|skolefravær${W}`,
    `pjæk${W}|skolevægr${W}`,
    String.raw`(?:vil|ville) ikke (?:gå |komme |tage )?i skole${W}|nægter at (?:gå|komme|tage) i skole${W}`,
    String.raw`(?:many|frequent|high|repeated|unexplained|a lot of|so many|too many|persistent|chronic) absences?|absenteeism|attendance (?:problems?|issues?|concerns?)`,
    String.raw`truan${W}|skip(?:s|ped|ping) (?:school|class|classes|lessons)|school refus${W}|refus${W} to go to school`,
    String.raw`(?:doesn't|doesn’t|does not|won't|won’t|will not|didn't|didn’t|did not) want to go to school|won't go to school|won’t go to school`,
  ],
  self_harm: [
    `${W}selvmord${W}|${W}selvskad${W}`,
    String.raw`(?:skærer|skar|skåret) i sig selv|cutte(?:r|t)? sig|cuttede sig`,
    String.raw`(?:vil|ville) ikke leve|ikke (?:vil|ville) leve|(?:tage|tager|tog|taget) sit (?:eget )?liv|(?:skade|skader|skadede|gør skade på|gjort skade på) sig selv`,
    `suicid${W}|self-?harm${W}|self-?injur${W}`,
    String.raw`(?:hurt|hurts|hurting|cut|cuts|cutting|kill|killing) (?:himself|herself|themselves|myself)|wants? to die`,
  ],
  substance: [
    String.raw`hash|hashen|hashrygning|narko${W}|(?:stof|alkohol|hash|narko)misbrug${W}|euforiserende stoffer`,
    String.raw`(?:tager|tog|taget|ryger|røg|røget|sælger|solgte|solgt|køber|købte|købt) (?:\p{L}+ )?stoffer`,
    String.raw`(?:drikker|drak|drukket) (?:\p{L}+ )?(?:alkohol|øl|sprut|vodka|sig fuld${W})|fulde? (?:til|på) ${W}fest${W}|beruset|påvirket af (?:alkohol|stoffer|hash)|alkoholforgiftning|druk`,
    String.raw`vap(?:e|er|ede|et|es|ed|ing)|e-?cigaret${W}|snus|snusen|nikotin${W}|ryger (?:cigaretter|smøger|hash|vandpibe)|smøger`,
    String.raw`drugs|drug (?:use|abuse|dealing)|cannabis|marijuana|drunk|alcohol (?:use|abuse|poisoning)|drinking (?:alcohol|beer|spirits)|e-?cigarettes?|nicotine|substance abuse|under the influence|smok(?:e|es|ed|ing) (?:cigarettes|weed|pot|cannabis)`,
  ],
  sexuality_abuse: [
    String.raw`seksuel${W} (?:krænk${W}|overgreb${W}|misbrug${W}|chikane${W})|blufærdighedskrænk${W}|voldt(?:ægt|aget|og)${W}`,
    String.raw`nøgenbille${W}|intime (?:billeder|fotos|videoer)|grooming|befamle${W}|blott(?:er|ede|et) sig|rørt ved (?:hende|ham|mig) (?:på|mellem)`,
    String.raw`sexual(?:ly)? (?:abuse${W}|assault${W}|harass${W}|abused|assaulted|harassed)|molest${W}|grop(?:e|ed|es|ing)|rape|raped|nudes|nude (?:photos|pictures|images|selfies)|sexting|groomed|inappropriate(?:ly)? touch${W}|touched (?:him|her|me) inappropriately|indecent exposure`,
  ],
};

/** Terms that are ordinary words in lower case ("add"), so they only count written as acronyms. */
const CASE_SENSITIVE_TERMS: Partial<Record<SensitiveTopic, readonly string[]>> = {
  diagnosis: ['ADD'],
};

const wholeWords = (alternatives: readonly string[], flags: string) =>
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${alternatives.map((a) => a.replaceAll(' ', String.raw`\s+`)).join('|')})(?![\p{L}\p{N}])`,
    flags,
  );

const MATCHERS = SENSITIVE_TOPICS.map((topic) => ({
  topic,
  patterns: [
    wholeWords(TERMS[topic], 'giu'),
    ...(CASE_SENSITIVE_TERMS[topic] ? [wholeWords(CASE_SENSITIVE_TERMS[topic], 'gu')] : []),
  ],
}));

/** The sensitive topics a text touches, in the order of SENSITIVE_TOPICS, each with the words that gave it away. */
export function detectSensitiveTopics(text: string): SensitiveTopicMatch[] {
  const normalized = text.normalize('NFC');
  const found: SensitiveTopicMatch[] = [];
  for (const { topic, patterns } of MATCHERS) {
    const hits = patterns
      .flatMap((pattern) => [...normalized.matchAll(pattern)])
      .sort((a, b) => a.index - b.index)
      .map((hit) => hit[0].replace(/\s+/g, ' '));
    const seen = new Set<string>();
    const matches = hits.filter((hit) => !seen.has(hit.toLowerCase()) && seen.add(hit.toLowerCase()));
    if (matches.length > 0) found.push({ topic, matches });
  }
  return found;
}
