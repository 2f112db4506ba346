import { useSuite } from '../support/suite.js';
import { phoneLayoutJourneys } from './phone-layout.journeys.js';
import { calendarFeedJourneys } from './calendar-feed.journeys.js';
import { studentJourneys } from './student.journeys.js';
import { headersJourneys } from '../security/headers.journeys.js';

// The school on a phone, the calendar feed, the student's own pages and the security headers.
// Each spec file starts its own server and browser; these journeys share one.
const suite = useSuite();

phoneLayoutJourneys(suite);
calendarFeedJourneys(suite);
studentJourneys(suite);
headersJourneys(suite);
