import { useSuite } from '../support/suite.js';
import { composerFocusJourneys } from './composer-focus.journeys.js';

// Its own server: these journeys slow the server's answers down and read where the focus goes, and
// a spec's earlier journeys (a new group message in the guardian's inbox) change what loads.
const suite = useSuite();

composerFocusJourneys(suite);
