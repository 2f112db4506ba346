import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SENSITIVE_TOPICS, detectSensitiveTopics, type SensitiveTopic } from './sensitive-topics.js';

const topicsOf = (text: string) => detectSensitiveTopics(text).map((found) => found.topic);

const SENSITIVE: Record<SensitiveTopic, readonly string[]> = {
  bullying: [
    'Vores søn bliver mobbet i frikvartererne.',
    'Der foregår cybermobning på klassens Snapchat.',
    'Hun fortæller, at de andre piger mobber hende.',
    'Han bliver drillet hver dag i omklædningsrummet.',
    'Hun bliver holdt udenfor, når de leger.',
    'Our daughter is being bullied by two boys in her class.',
    'The other kids keep picking on him at lunch.',
    'She feels left out every break.',
  ],
  wellbeing: [
    'Vi er bekymrede for hendes trivsel i klassen.',
    'Vores datter mistrives og vil ikke fortælle hvorfor.',
    'Han trives ikke i den nye klasse.',
    'Hun er meget ked af det, når hun kommer hjem.',
    'Han græder hver morgen, før han skal afsted.',
    'Hun føler sig ensom i klassen.',
    'Han har fået angst for at gå til prøver.',
    'Vi har lavet en underretning til kommunen.',
    'Our son is unhappy at school and says he has no friends.',
    'We are worried about her mental health.',
    'He seems very anxious before Mondays.',
  ],
  diagnosis: [
    'Han har fået diagnosen ADHD i sommerferien.',
    'Hun er udredt for autisme hos børnepsykiatrien.',
    'Vores søn er ordblind, så han skal have oplæsning.',
    'PPR har observeret i klassen.',
    'Han er ved at blive udredt.',
    'Our daughter was diagnosed with dyslexia last year.',
    'He has ADD and needs short tasks.',
    'She has an autism assessment next month.',
  ],
  violence: [
    'En dreng slog min søn i frikvarteret.',
    'Hun blev sparket af to store drenge.',
    'Der var slagsmål ved cykelskuret.',
    'Han har været udsat for vold på vej hjem.',
    'Han er blevet truet med tæsk efter skole.',
    'Another boy hit my son in the face.',
    'He was kicked and pushed on the playground.',
    'There was violence at the bus stop.',
  ],
  family_conflict: [
    'Vi er blevet skilt, og jeg har forældremyndigheden alene.',
    'Skilsmissen har været hård for ham.',
    'Hans far har samvær med ham hver anden weekend.',
    'Der er en konflikt mellem os om, hvem der henter.',
    'Min eksmand må ikke få oplysninger om hende.',
    'We are going through a divorce.',
    'My ex has no custody and must not pick her up.',
    'Her parents are now separated.',
  ],
  grade_dispute: [
    'Vi er uenige i karakteren for hendes danskopgave.',
    'Vi vil gerne klage over karakteren i matematik.',
    'Han fik en uretfærdig karakter til prøven.',
    'Hvorfor fik hun kun 4 i fysik?',
    'We disagree with the grade he got in English.',
    'The mark for her essay seems unfair.',
    'We would like to appeal her grade.',
  ],
  absence: [
    'Han har haft meget fravær i den sidste måned.',
    'Fraværet er steget bekymrende siden efteråret.',
    'Vi skal have et fraværsmøde om hans skolefravær.',
    'Hun vil ikke i skole om morgenen.',
    'Han har pjækket fra de sidste timer.',
    'There have been many absences this term.',
    'He refuses to go to school in the mornings.',
    'She does not want to go to school anymore.',
  ],
  self_harm: [
    'Hun har talt om selvmord.',
    'Vi har opdaget, at han skærer i sig selv.',
    'Han siger, at han ikke vil leve mere.',
    'She has been self-harming since the summer.',
    'He said he wants to die.',
  ],
  substance: [
    'Vi har fundet hash på hans værelse.',
    'Han ryger hash med nogle ældre drenge.',
    'Hun var fuld til festen i fredags.',
    'Flere elever vaper på toilettet.',
    'We think he is taking drugs.',
    'She came home drunk from the party.',
  ],
  sexuality_abuse: [
    'En elev har delt nøgenbilleder af hende.',
    'Hun har været udsat for seksuelle krænkelser.',
    'Vi frygter, at hun bliver udsat for grooming på nettet.',
    'A boy shared nude photos of her.',
    'We are worried about sexual harassment in the class chat.',
  ],
};

const INNOCENT = [
  'Vi skal på tur i skoven på fredag. Husk madpakke og gummistøvler.',
  'Karakterbogen bliver delt ud i næste uge.',
  'Hovedpersonen i bogen har en stærk karakter.',
  'Den ene runde kan have karakter af behovssamtaler.',
  'Standpunktskarakterer gives i december.',
  'Hele klassen skal til trivselsdag, og vi taler om trivsel på forældremødet.',
  'Vi holder frikvarter udenfor, også når det regner.',
  'Der er hyggeligt samvær efter forældremødet.',
  'Husk at melde fravær i Aula, hvis dit barn er syg. Fravær skal meldes inden kl. 8.',
  'Han har ondt i maven og bliver hjemme i dag.',
  'Vi slår teltene op ved søen, og så slår vi os ned ved bålet.',
  'Vores hold slog 5.B i fodbold.',
  'Vi arbejder med stoffer og tekstiler i håndværk og design.',
  'Festen er alkoholfri, og der er sodavand til alle.',
  'Fangsten fra fisketuren blev delt mellem alle.',
  'Hashtagget for skolefesten er #balleskolen.',
  'Det voldsomme regnvejr aflyste turen.',
  'Skiltet ved indgangen er blevet skiftet.',
  'Jeg er ked af, at vi ikke kan komme til mødet.',
  'Madkundskab: tag en kniv og et skærebræt med.',
  'Psykologi er ikke et fag i folkeskolen.',
  'Pigerne legede mor, far og børn i frikvarteret.',
  'Please add your name to the list for the trip.',
  'We will hit the ground running after the holidays.',
  'She hit her head on the slide, but she is fine now.',
  'We push her to read every evening, and she loves it.',
  'Remember to report an absence in Aula before 8:00.',
  'The class will visit the fire station on Thursday.',
];

describe('detectSensitiveTopics', () => {
  for (const topic of SENSITIVE_TOPICS) {
    it(`finds ${topic} in Danish and English`, () => {
      for (const sentence of SENSITIVE[topic]) expect(topicsOf(sentence), sentence).toContain(topic);
    });
  }

  it('leaves everyday school messages alone', () => {
    for (const sentence of INNOCENT) expect(detectSensitiveTopics(sentence), sentence).toEqual([]);
  });

  it('reports the words that gave a topic away, once each, in the order they appear', () => {
    expect(detectSensitiveTopics('Han bliver MOBBET. Mobbet igen i dag, og mobningen stopper ikke.')).toEqual([
      { topic: 'bullying', matches: ['MOBBET', 'mobningen'] },
    ]);
  });

  it('lists several topics in a fixed order', () => {
    expect(topicsOf('Efter skilsmissen er hun blevet mobbet, og hun har meget fravær.')).toEqual([
      'bullying',
      'family_conflict',
      'absence',
    ]);
  });

  it('matches Danish letters whether composed or decomposed', () => {
    expect(topicsOf('Hun har fået angst og har meget fravær.'.normalize('NFD'))).toEqual(['wellbeing', 'absence']);
  });

  it('matches whole words only', () => {
    expect(topicsOf('Mobilen ligger i tasken.')).toEqual([]);
    expect(topicsOf('Vi læser om voldgrave og borge.')).toEqual([]);
    expect(topicsOf('Rapeseed grows in the fields.')).toEqual([]);
  });

  it('is deterministic and never reports a topic without a match', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const found = detectSensitiveTopics(text);
        expect(detectSensitiveTopics(text)).toEqual(found);
        for (const { matches } of found) expect(matches.length).toBeGreaterThan(0);
      }),
    );
  });

  it('still finds a topic whatever innocent text surrounds it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INNOCENT),
        fc.constantFrom(...SENSITIVE_TOPICS),
        fc.nat(),
        (innocent, topic, pick) => {
          const sentence = SENSITIVE[topic][pick % SENSITIVE[topic].length]!;
          expect(topicsOf(`${innocent} ${sentence} ${innocent}`)).toContain(topic);
        },
      ),
    );
  });
});
