/**
 * Ends the task before the study screen is mounted (issue 13: blocking time). Imported first by the study
 * page: its top-level `await` holds back the page's module until a later task, so SvelteKit's `start()` (the
 * shell's evaluation, the route table, the first navigation) and the screen's mount are two tasks after the
 * first paint instead of one long one. A universal `load` would do the same, but any universal load brings
 * SvelteKit's load machinery into the shell (+0.6 kB gzip on every first visit). Home has its own module
 * (home-start-task.ts): one module imported by both pages would be in the shell chunk and hold back the
 * shell's evaluation, not the page's.
 */
import { afterThisTask } from './page-ready';

// (Also when prerendering: Node has timers.)
await afterThisTask();

export {};
