import { useSuite } from '../support/suite.js';
import { messageLinksJourneys } from './message-links.journeys.js';
import { composerFormsJourneys } from './composer-forms.journeys.js';
import { attachmentPickerJourneys } from './attachment-picker.journeys.js';
import { parentsMessageJourneys } from './parents-message.journeys.js';

// Writing and reading messages: links, the composer's forms, attachments, and the leadership's message to parents.
// Each spec file starts its own server and browser; these journeys share one.
const suite = useSuite();

messageLinksJourneys(suite);
composerFormsJourneys(suite);
attachmentPickerJourneys(suite);
parentsMessageJourneys(suite);
