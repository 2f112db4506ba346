/**
 * Error codes the user can act on, with their Danish and English text. The server answers
 * `{ error: { code, message, field?, requestId } }` in the reader's language; the client may
 * re-translate by code. `{name}` placeholders are filled from the error's params.
 */
export const ERROR_MESSAGES = {
  validation_failed: { da: 'Nogle felter er ikke udfyldt rigtigt.', en: 'Some fields are not filled in correctly.' },
  text_invalid_characters: {
    da: 'Teksten indeholder et tegn, der ikke kan bruges (fx et usynligt styretegn eller et tegn, der vender teksten). Skriv den igen uden det.',
    en: 'The text holds a character that cannot be used (such as an invisible control character or one that reverses the text). Type it again without it.',
  },
  not_signed_in: { da: 'Du skal logge ind for at se dette.', en: 'You need to sign in to see this.' },
  forbidden: { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },
  not_found: {
    da: 'Vi kunne ikke finde det, du leder efter, eller du har ikke adgang til det.',
    en: 'We could not find what you are looking for, or you do not have access to it.',
  },
  cross_site_request: {
    da: 'Forespørgslen kom fra en anden side og blev afvist.',
    en: 'The request came from another site and was refused.',
  },
  invalid_credentials: { da: 'E-mail eller adgangskode er forkert.', en: 'The e-mail or password is wrong.' },
  sign_in_locked: {
    da: 'For mange forsøg. Prøv igen om {minutes} minutter, eller log ind med et link på e-mail.',
    en: 'Too many attempts. Try again in {minutes} minutes, or sign in with a link by e-mail.',
  },
  sign_in_slowed: {
    da: 'Der er prøvet mange adgangskoder til denne adresse. Prøv igen om {seconds} sekunder, eller log ind med et link på e-mail.',
    en: 'Many passwords have been tried for this address. Try again in {seconds} seconds, or sign in with a link by e-mail.',
  },
  school_name_invalid: {
    da: 'Skolens navn skal have 2 til 120 tegn.',
    en: "The school's name must have 2 to 120 characters.",
  },
  school_slug_invalid: {
    da: 'Kortnavnet »{value}« kan ikke bruges: kun små bogstaver a–z, tal og enkelte bindestreger, 2 til 60 tegn, fx »balleskolen«.',
    en: 'The short name "{value}" cannot be used: only lowercase letters a–z, digits and single hyphens, 2 to 60 characters, e.g. "balleskolen".',
  },
  school_slug_taken: {
    da: 'Kortnavnet »{value}« bruges allerede af en anden skole.',
    en: 'The short name "{value}" is already used by another school.',
  },
  school_administrator_email_invalid: {
    da: 'Administratorens e-mailadresse »{value}« er ikke gyldig.',
    en: 'The administrator\'s e-mail address "{value}" is not valid.',
  },
  school_administrator_name_invalid: {
    da: 'Skriv administratorens fulde navn: fornavn og efternavn.',
    en: "Give the administrator's full name: given name and family name.",
  },
  magic_link_invalid: {
    da: 'Linket er udløbet eller allerede brugt. Bed om et nyt.',
    en: 'The link has expired or has already been used. Ask for a new one.',
  },
  oidc_not_configured: {
    da: 'Log ind via den fælles login-tjeneste er ikke sat op for denne installation.',
    en: 'Sign-in through the shared login service is not set up for this installation.',
  },
  oidc_failed: {
    da: 'Login via den fælles login-tjeneste mislykkedes. Prøv igen.',
    en: 'Sign-in through the shared login service failed. Please try again.',
  },
  oidc_no_account: {
    da: 'Vi kender ikke dit login hos nogen skole. Kontakt skolens kontor.',
    en: 'Your login is not known at any school. Please contact the school office.',
  },
  rate_limited: {
    da: 'For mange forespørgsler. Vent lidt og prøv igen.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  guardian_suspended: {
    da: 'Din adgang er midlertidigt stoppet. Kontakt skolens ledelse.',
    en: 'Your access has been suspended. Please contact the school leadership.',
  },
  student_messages_not_allowed: {
    da: 'Skolens princip lader ikke elever på dit klassetrin skrive til skolen her. Tal med din kontaktlærer.',
    en: 'The school’s principle does not let students in your grade write to the school here. Talk to your contact teacher.',
  },
  round_needs_based_not_allowed: {
    da: 'Skolens princip giver ikke plads til en behovsrunde. Vælg en almindelig runde for alle elever.',
    en: 'The school’s principle does not allow a needs-based round. Choose a regular round for every student.',
  },
  round_counsellor_not_staff: {
    da: 'Vælg vejlederen blandt skolens ansatte.',
    en: 'Choose the counsellor among the school’s staff.',
  },
  round_class_without_teacher: {
    da: '{classes} har ingen kontaktlærer til at holde samtalerne. Tilføj en kontaktlærer i skolens katalog, eller tag klassen ud af runden.',
    en: '{classes} has no contact teacher to hold the meetings. Add a contact teacher in the school directory, or take the class out of the round.',
  },
  round_minutes_missing: {
    da: 'Angiv hvor lang en samtale er i {grade}. klasse.',
    en: 'Give the length of a meeting in grade {grade}.',
  },
  round_room_unknown_class: {
    da: 'Et lokale er angivet for en klasse, der ikke er med i runden.',
    en: 'A room is given for a class that is not in the round.',
  },
  round_not_draft: {
    da: 'Invitationerne til runden er allerede sendt.',
    en: 'The invitations for this round have already been sent.',
  },
  round_not_open: {
    da: 'Runden er ikke åben for booking lige nu.',
    en: 'The round is not open for booking right now.',
  },
  conference_format_not_offered: {
    da: 'Runden tilbyder ikke den samtaleform. Vælg en af dem, skolen tilbyder.',
    en: 'The round does not offer that kind of meeting. Choose one the school offers.',
  },
  conference_time_outside_round: {
    da: 'Den tid findes ikke i runden. Vælg en af de ledige tider.',
    en: 'That time is not in the round. Choose one of the free times.',
  },
  round_not_planned: {
    da: 'Runden udfyldes ved selvbooking, ikke ved planlægning.',
    en: 'This round is filled by self-booking, not by planning.',
  },
  round_not_collecting: {
    da: 'Runden tager ikke imod tider lige nu: invitationerne er ikke sendt, eller tiderne er allerede planlagt.',
    en: 'The round is not taking times right now: the invitations have not been sent, or the times are already planned.',
  },
  plan_not_ready: {
    da: 'Planen er ikke færdig endnu. Vent til planlægningen er færdig, eller tryk Planlæg.',
    en: 'The plan is not ready yet. Wait until planning has finished, or press Plan.',
  },
  plan_staff_busy_elsewhere: {
    da: 'Planen kan ikke offentliggøres: en medarbejder har siden fået en samtale i en anden runde på samme tid som samtalen om {children}. Flyt samtalen, eller planlæg igen.',
    en: 'The plan cannot be published: a member of staff has since got a meeting in another round at the same time as the meeting about {children}. Move the meeting, or plan again.',
  },
  round_published: {
    da: 'Tiderne i runden er allerede offentliggjort.',
    en: 'The round’s times have already been published.',
  },
  conference_move_breaks_rule: {
    da: 'Samtalen kan ikke flyttes dertil: en deltager er optaget eller ikke til stede, eller der mangler tolk eller pause. Vælg en af de mulige tider.',
    en: 'The meeting cannot move there: someone taking part is busy or not available, or an interpreter or a break is missing. Choose one of the possible times.',
  },
  conference_time_taken: {
    da: 'Tiden er lige blevet taget af en anden. Vælg en af de næste ledige tider.',
    en: 'Someone else has just taken that time. Choose one of the next free times.',
  },
  conference_preparation_band: {
    da: 'Forberedelsen passer ikke til elevens klassetrin. Genindlæs siden og prøv igen.',
    en: "The preparation does not fit the student's grade. Reload the page and try again.",
  },
  conference_already_held: {
    da: 'Samtalen er allerede markeret som holdt.',
    en: 'The conference is already marked as held.',
  },
  round_not_over: {
    da: 'Runden kan først afsluttes efter dens sidste dag.',
    en: 'The round can only be finished after its last day.',
  },
  principle_no_adopted: {
    da: 'Skolen har endnu ikke vedtaget et princip.',
    en: 'The school has not adopted a principle yet.',
  },
  principle_no_draft: {
    da: 'Der er ikke noget udkast til princippet. Opret et først.',
    en: 'There is no draft of the principle. Create one first.',
  },
  principle_draft_exists: {
    da: 'Der findes allerede et udkast. Ret i det i stedet.',
    en: 'A draft already exists. Edit it instead.',
  },
  principle_adopted_on_future: {
    da: 'Vedtagelsesdatoen kan ikke ligge ude i fremtiden.',
    en: 'The adoption date cannot be in the future.',
  },
  principle_adopted_on_before_current: {
    da: 'Vedtagelsesdatoen ligger før den gældende version, som blev vedtaget {date}.',
    en: 'The adoption date is before the current version, which was adopted on {date}.',
  },
  unknown_preset: { da: 'Skabelonen findes ikke.', en: 'The preset does not exist.' },
  import_invalid: {
    da: 'Filen blev ikke importeret, fordi den har fejl (rækker med fejl: {count}). Intet er ændret.',
    en: 'The file was not imported because it has errors (rows with errors: {count}). Nothing was changed.',
  },
  import_empty: { da: 'Filen er tom.', en: 'The file is empty.' },
  import_too_large: { da: 'Filen er for stor (højst {maxMb} MB).', en: 'The file is too large (at most {maxMb} MB).' },
  import_too_many_rows: {
    da: 'Filen har for mange rækker ({rows}; højst {maxRows}). Del den op i flere filer. Intet er ændret.',
    en: 'The file has too many rows ({rows}; at most {maxRows}). Split it into several files. Nothing was changed.',
  },
  information_right_only: {
    da: 'Som forælder med orienteringsret kan du bede skolen om oplysninger om dit barn. Skolen svarer dig, og det bliver logget.',
    en: 'As a parent with a right to information, you can ask the school for information about your child. The school answers you, and this is logged.',
  },
  information_request_not_needed: {
    da: 'Du har forældremyndighed og kan se oplysningerne om dit barn direkte. Anmodninger er for forældre med orienteringsret.',
    en: 'You have custody and can see the information about your child directly. Requests are for parents with a right to information.',
  },
  information_request_handled: {
    da: 'Anmodningen er allerede besvaret.',
    en: 'The request has already been answered.',
  },
  test_result_taken_in_future: {
    da: 'Testdatoen ligger i fremtiden. Skriv den dag, eleven tog testen.',
    en: 'The test date is in the future. Enter the day the student took the test.',
  },
  test_results_told_to_parents: {
    da: 'Dine testresultater fortælles til dine forældre og af din lærer. Du kan selv læse dem fra 7. klasse.',
    en: 'Your test results are told to your parents and by your teacher. You can read them yourself from grade 7.',
  },
  idempotency_key_reused: {
    da: 'Denne afsendelse er allerede brugt til en anden besked. Send beskeden igen som en ny.',
    en: 'This send has already been used for another message. Send the message again as a new one.',
  },
  class_no_guardians: {
    da: 'Ingen forældre i klassen kan modtage beskeden. Forældre med orienteringsret og forældre, hvis adgang er stoppet, får ikke klassebeskeder.',
    en: 'No parents in the class can receive the message. Parents with a right to information only and parents whose access is suspended do not get class messages.',
  },
  group_no_guardians: {
    da: 'Ingen forældre kan modtage beskeden. Forældre med orienteringsret og forældre, hvis adgang er stoppet, får ikke fællesbeskeder.',
    en: 'No parents can receive the message. Parents with a right to information only and parents whose access is suspended do not get group messages.',
  },
  thread_no_recipient: {
    da: 'Der er ingen kontaktlærer eller ledelse at sende til. Kontakt skolens kontor.',
    en: 'There is no contact teacher or leadership to send to. Please contact the school office.',
  },
  urgent_staff_only: {
    da: 'Kun skolens personale kan markere en besked som hastende.',
    en: 'Only school staff can mark a message as urgent.',
  },
  recipient_not_staff: {
    da: 'Beskeden kan kun sendes til personale på skolen. Vælg modtagerne på listen over kolleger.',
    en: 'The message can only be sent to staff at the school. Choose the recipients from the list of colleagues.',
  },
  student_no_guardians: {
    da: 'Ingen forældre kan modtage beskeden. Forældre med orienteringsret og forældre, hvis adgang er stoppet, får ikke beskeder fra skolen.',
    en: 'No parents can receive the message. Parents with a right to information only and parents whose access is suspended do not get messages from the school.',
  },
  closed_day_outside_school_year: {
    da: 'Datoen {date} ligger ikke i skoleåret {label}.',
    en: 'The date {date} is not in the school year {label}.',
  },
  staff_absence_dates: {
    da: 'Sidste dag kan ikke ligge før første dag.',
    en: 'The last day cannot be before the first day.',
  },
  staff_absence_too_long: {
    da: 'Et fravær kan højst vare {maxDays} dage. Registrér et nyt bagefter.',
    en: 'An absence can last at most {maxDays} days. Register a new one afterwards.',
  },
  staff_absence_in_past: {
    da: 'Fraværet er allerede slut. Registrér kun fravær fra i dag og frem.',
    en: 'The absence has already ended. Only register absences from today onwards.',
  },
  staff_absence_overlap: {
    da: '{name} er allerede registreret fraværende i nogle af dagene ({firstDay} til {lastDay}).',
    en: '{name} is already registered as absent on some of these days ({firstDay} to {lastDay}).',
  },
  staff_absence_not_staff: {
    da: 'Fravær kan kun registreres for skolens ansatte.',
    en: 'Absences can only be registered for staff of the school.',
  },
  staff_absence_substitute_self: {
    da: 'Vælg en anden kollega som stedfortræder end den fraværende.',
    en: 'Choose a colleague other than the absent person as substitute.',
  },
  staff_absence_substitute_not_staff: {
    da: 'Stedfortræderen skal være ansat på samme skole.',
    en: 'The substitute must be a member of staff at the same school.',
  },
  staff_absence_substitute_absent: {
    da: '{name} er selv fraværende i nogle af dagene og kan ikke være stedfortræder.',
    en: '{name} is absent on some of these days and cannot be the substitute.',
  },
  attachment_missing: { da: 'Vælg en fil at vedhæfte.', en: 'Choose a file to attach.' },
  attachment_too_large: {
    da: 'Filen er for stor. En vedhæftet fil må højst fylde {maxMb} MB.',
    en: 'The file is too large. An attachment can be at most {maxMb} MB.',
  },
  attachment_type_not_allowed: {
    da: 'Den type fil kan ikke vedhæftes. Du kan vedhæfte PDF, billeder (JPEG, PNG, WebP, GIF, HEIC) og Office-dokumenter.',
    en: 'That kind of file cannot be attached. You can attach PDF, images (JPEG, PNG, WebP, GIF, HEIC) and office documents.',
  },
  attachment_image_unreadable: {
    da: 'Billedet kunne ikke læses. Gem det som JPEG eller PNG, og prøv igen.',
    en: 'The image could not be read. Save it as JPEG or PNG and try again.',
  },
  attachment_document_too_large: {
    da: 'Dokumentet fylder alt for meget, når det pakkes ud (over {maxMb} MB eller alt for mange dele), og kan ikke vedhæftes. Gem det som PDF, og prøv igen.',
    en: 'The document takes up far too much space when unpacked (over {maxMb} MB, or far too many parts) and cannot be attached. Save it as PDF and try again.',
  },
  attachment_document_unreadable: {
    da: 'Dokumentet kunne ikke læses. Gem det igen, eller som PDF, og prøv igen.',
    en: 'The document could not be read. Save it again, or as PDF, and try again.',
  },
  attachment_not_available: {
    da: 'En af de vedhæftede filer findes ikke længere eller er allerede sendt. Fjern den, og vedhæft den igen.',
    en: 'One of the attached files no longer exists or has already been sent. Remove it and attach it again.',
  },
  student_plan_goal_text: {
    da: 'Et mål skal have en tekst. Skriv målet, eller fjern det.',
    en: 'A goal needs a text. Write the goal, or remove it.',
  },
  student_plan_too_many_goals: {
    da: 'En elevplan har højst 3 faglige og 3 sociale mål. Fjern et, før du tilføjer et nyt.',
    en: 'A student plan has at most 3 academic and 3 social goals. Remove one before adding another.',
  },
  student_plan_goals_missing: {
    da: 'Elevplanen skal have mindst ét fagligt og ét socialt mål, før den sendes hjem.',
    en: 'The student plan needs at least one academic and one social goal before it is sent home.',
  },
  student_plan_published: {
    da: 'Elevplanen er allerede sendt hjem og kan ikke længere ændres.',
    en: 'The student plan has already been sent home and can no longer be changed.',
  },
  student_plan_not_published: {
    da: 'Elevplanen er ikke sendt hjem endnu.',
    en: 'The student plan has not been sent home yet.',
  },
  student_plan_contact_teacher_only: {
    da: 'Det er kontaktlæreren, der skriver og sender elevplanen. Du kan give dit input til planen.',
    en: 'The contact teacher writes and sends the student plan. You can add your input to the plan.',
  },
  student_plan_other_form: {
    da: 'Skolens princip har valgt meddelelsesbogen i stedet for elevplanen. Skriv i elevens meddelelsesbog.',
    en: "The school's principle has chosen the message book instead of the student plan. Write in the student's message book.",
  },
  message_book_other_form: {
    da: 'Skolens princip har valgt elevplanen i stedet for meddelelsesbogen. Skriv i elevens elevplan.',
    en: "The school's principle has chosen the student plan instead of the message book. Write in the student's plan.",
  },
  // Concerns and early dialogue (src/server/concerns).
  concern_kind_not_in_principle: {
    da: 'Skolens princip for tidlig dialog nævner ikke den slags bekymring. Vælg en af dem, princippet nævner.',
    en: 'The school’s principle for early dialogue does not list that kind of concern. Choose one of those it lists.',
  },
  concern_channel_not_allowed: {
    da: 'Kontakten skal være en telefonsamtale eller et møde, som skolens princip nævner. En skriftlig besked alene er ikke kontakt her.',
    en: 'The contact must be a phone call or a meeting as the school’s principle lists. A written message alone is not a contact here.',
  },
  concern_contact_in_future: {
    da: 'Kontakten kan ikke ligge efter i dag. Registrér den, når samtalen har fundet sted.',
    en: 'The contact cannot be after today. Record it once the conversation has taken place.',
  },
  concern_contact_before_concern: {
    da: 'Kontakten kan ikke ligge før den dag, bekymringen blev registreret.',
    en: 'The contact cannot be before the day the concern was registered.',
  },
  round_concern_class_missing: {
    da: 'En behovssamtale startet fra en bekymring skal holdes for elevens klasse. Vælg elevens klasse.',
    en: 'A needs-based conference started from a concern is held for the student’s class. Choose the student’s class.',
  },
  round_student_not_in_classes: {
    da: 'Vælg kun elever fra rundens klasser.',
    en: 'Choose only students from the round’s classes.',
  },
  round_concern_student_missing: {
    da: 'En behovssamtale startet fra en bekymring skal holdes for eleven, bekymringen handler om. Vælg eleven.',
    en: 'A needs-based conference started from a concern is held for the student the concern is about. Choose the student.',
  },
  concern_closed: {
    da: 'Bekymringen er allerede afsluttet.',
    en: 'The concern has already been closed.',
  },
  event_in_past: {
    da: 'Dagen for arrangementet er allerede gået. Vælg en dag fra i dag og frem.',
    en: 'The day of the event has already passed. Choose a day from today on.',
  },
  event_ends_before_start: {
    da: 'Arrangementet skal slutte efter, at det begynder.',
    en: 'The event must end after it begins.',
  },
  event_deadline_after_event: {
    da: 'Fristen for tilmelding skal ligge fra i dag og senest på dagen for arrangementet.',
    en: 'The sign-up deadline must be from today and no later than the day of the event.',
  },
  event_sign_up_off: {
    da: 'Slå tilmelding til for at sætte en frist eller et højeste antal deltagere.',
    en: 'Turn sign-up on to set a deadline or a largest number of people.',
  },
  event_sign_up_closed: {
    da: 'Tilmeldingen til arrangementet er lukket.',
    en: 'Sign-up for the event has closed.',
  },
  event_answer_empty: {
    da: 'Skriv, hvor mange voksne og børn der kommer.',
    en: 'Say how many adults and children are coming.',
  },
  event_full: {
    da: 'Der er ikke plads til så mange. Der er {placesLeft} pladser tilbage.',
    en: 'There is not room for that many. {placesLeft} places are left.',
  },
  event_slot_full: {
    da: 'En anden familie nåede at tage den sidste plads i opgaven »{slot}«. Vælg en anden opgave.',
    en: 'Another family took the last place in the task "{slot}" just before you. Choose another task.',
  },
  event_end_date_before_start: {
    da: 'Sidste dag skal ligge efter første dag. Lad feltet stå tomt, hvis arrangementet kun varer én dag.',
    en: 'The last day must come after the first day. Leave it empty if the event lasts one day.',
  },
  event_too_long: {
    da: 'Et arrangement kan vare højst 14 dage. Tjek årstallet på sidste dag.',
    en: 'An event can last at most 14 days. Check the year of the last day.',
  },
  event_cancelled: {
    da: 'Arrangementet er aflyst. Der kan ikke længere meldes til, tages opgaver eller rettes i det.',
    en: 'The event has been cancelled. It no longer takes sign-ups or volunteers, and it cannot be changed.',
  },
  event_over: {
    da: 'Arrangementet er holdt og kan ikke længere rettes eller aflyses.',
    en: 'The event has been held and can no longer be changed or cancelled.',
  },
  event_capacity_below_head_count: {
    da: 'Der er allerede meldt {people} personer til. Det højeste antal deltagere kan ikke være lavere end det.',
    en: '{people} people have already signed up. The largest number of people cannot be lower than that.',
  },
  event_slot_taken: {
    da: 'En familie har taget opgaven »{slot}«, så den kan hverken fjernes eller omdøbes. Tilføj en ny opgave i stedet.',
    en: 'A family has taken the task "{slot}", so it can be neither removed nor renamed. Add a new task instead.',
  },
  event_slot_needed_below_taken: {
    da: '{taken} familier har taget opgaven »{slot}«. Den kan ikke bruge færre familier end det.',
    en: '{taken} families have taken the task "{slot}". It cannot need fewer families than that.',
  },
  event_slot_unknown: {
    da: 'En af opgaverne findes ikke længere ved arrangementet. Hent siden igen, og prøv igen.',
    en: 'One of the tasks no longer belongs to the event. Load the page again and try again.',
  },
  // Play groups (src/server/play-groups).
  play_groups_too_few_children: {
    da: 'Klassen har for få børn til én gruppe af den størrelse. Vælg mindre grupper.',
    en: 'The class has too few children for one group of that size. Choose smaller groups.',
  },
  play_groups_apart_impossible: {
    da: 'Børn, der skal holdes adskilt, kan ikke fordeles i grupper af den størrelse. Vælg en anden gruppestørrelse, eller tal med klassens lærere.',
    en: 'Children who must be kept apart cannot be placed in groups of that size. Choose another group size, or talk to the class’s teachers.',
  },
  play_groups_invalid: {
    da: 'Legegrupperne kunne ikke laves ud fra de valg. Tjek gruppestørrelsen og datoerne.',
    en: 'The play groups could not be made from those choices. Check the group size and the dates.',
  },
  play_group_dates_not_future: {
    da: 'Hver runde skal ligge efter i dag. Runder, der er holdt, bliver stående.',
    en: 'Every round must be after today. Rounds already held are kept.',
  },
  play_group_dates_repeat: {
    da: 'To runder kan ikke ligge på samme dag.',
    en: 'Two rounds cannot be on the same day.',
  },
  play_group_child_not_in_class: {
    da: 'Vælg to børn fra klassen.',
    en: 'Choose two children from the class.',
  },
  play_group_apart_same_child: {
    da: 'Vælg to forskellige børn.',
    en: 'Choose two different children.',
  },
  play_group_apart_pair_exists: {
    da: 'De to børn holdes allerede adskilt.',
    en: 'These two children are already kept apart.',
  },
  class_letter_body_empty: {
    da: 'Brevet har ingen tekst tilbage, når det er gjort sikkert (scripts og kode fjernes). Skriv brevets tekst.',
    en: 'The letter has no text left once it is made safe (scripts and code are removed). Write the text of the letter.',
  },
  class_letter_publish_at_required: {
    da: 'Vælg dato og tidspunkt for, hvornår brevet skal udgives.',
    en: 'Choose the date and time when the letter is to be published.',
  },
  class_letter_publish_at_past: {
    da: 'Tidspunktet er allerede passeret. Vælg et senere tidspunkt, eller udgiv brevet nu.',
    en: 'That time has already passed. Choose a later time, or publish the letter now.',
  },
  class_letter_published: {
    da: 'Brevet er allerede udgivet og kan ikke længere ændres eller aflyses.',
    en: 'The letter has already been published and can no longer be changed or cancelled.',
  },
  class_letter_cancelled: {
    da: 'Brevet er aflyst og kan ikke ændres.',
    en: 'The letter has been cancelled and cannot be changed.',
  },
  unexpected_response: {
    da: 'Svaret fra serveren kunne ikke læses. Genindlæs siden, og prøv igen.',
    en: 'The answer from the server could not be read. Reload the page and try again.',
  },
  representative_not_guardian: {
    da: 'Kun forældre med forældremyndighed over et barn i klassen kan vælges som kontaktforælder.',
    en: 'Only parents with custody of a child in the class can be elected class parent representative.',
  },
  representative_protected: {
    da: 'En forælder med navne- og adressebeskyttelse kan ikke vælges som kontaktforælder her, fordi kontaktforældre vises med navn for klassens forældre.',
    en: "A parent with name and address protection cannot be elected class parent representative here, because representatives are shown by name to the class's parents.",
  },
  representative_elected_in_future: {
    da: 'Valgdatoen ligger i fremtiden. Skriv den dag, valget blev holdt.',
    en: 'The election date is in the future. Enter the day the election was held.',
  },
  representative_elected_other_year: {
    da: 'Kontaktforældre vælges for ét skoleår ad gangen. Valgdatoen skal ligge i dette skoleår.',
    en: 'Class parent representatives are elected for one school year at a time. The election date must be in this school year.',
  },
  representatives_full: {
    da: 'Klassen har allerede {max} kontaktforældre. Afslut en af dem først.',
    en: 'The class already has {max} class parent representatives. End one of them first.',
  },
  representative_no_seat: {
    da: 'Personen er ikke kontaktforælder i klassen i dette skoleår.',
    en: 'This person is not a class parent representative of the class this school year.',
  },
  parent_meeting_time_order: {
    da: 'Mødet skal slutte efter, at det begynder.',
    en: 'The meeting must end after it begins.',
  },
  parent_meeting_in_past: {
    da: 'Mødet skal ligge i fremtiden. Vælg en dag og et tidspunkt, der ikke er gået.',
    en: 'The meeting must be in the future. Choose a day and time that has not passed.',
  },
  parent_meeting_not_planning: {
    da: 'Invitationen til mødet er sendt, så tid, sted og dagsorden kan ikke længere ændres her.',
    en: 'The invitation to the meeting has been sent, so its time, place and agenda can no longer be changed here.',
  },
  parent_meeting_topics_not_in_principle: {
    da: 'Skolens princip sætter ikke trivselshandleplanens emner på dagsordenen. Skriv punktet med egne ord.',
    en: "The school's principle does not put the well-being action plan's topics on the agenda. Write the item in your own words.",
  },
  parent_meeting_agenda_item_missing: {
    da: 'Punktet findes ikke længere på dagsordenen. Genindlæs siden.',
    en: 'The item is no longer on the agenda. Reload the page.',
  },
  parent_meeting_started: {
    da: 'Mødet er begyndt. Svar og invitationer kan ikke længere ændres.',
    en: 'The meeting has begun. Answers and invitations can no longer be changed.',
  },
  parent_meeting_not_invited: {
    da: 'Forældrene er ikke inviteret til mødet endnu.',
    en: 'The parents have not been invited to the meeting yet.',
  },
  parent_meeting_no_homes: {
    da: 'Ingen forældre med forældremyndighed i klassen kan inviteres.',
    en: 'No parents with custody in the class can be invited.',
  },
  parent_meeting_not_started: {
    da: 'Fremmøde registreres, når mødet er begyndt.',
    en: 'Attendance is taken once the meeting has begun.',
  },
  parent_meeting_household_unknown: {
    da: 'Et af hjemmene er ikke inviteret til mødet. Genindlæs siden.',
    en: 'One of the homes was not invited to the meeting. Reload the page.',
  },
  parent_meeting_not_held: {
    da: 'Registrér fremmødet, før referatet offentliggøres.',
    en: 'Take attendance before publishing the minutes.',
  },
  internal: {
    da: 'Noget gik galt hos os. Prøv igen om lidt. Fejlnummer: {requestId}',
    en: 'Something went wrong on our side. Please try again shortly. Error number: {requestId}',
  },
} as const satisfies Record<string, { da: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const template = ERROR_MESSAGES[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** Whether `value` is one of the error codes above. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}
