/**
 * Ends the task before home is hydrated (issue 13: blocking time), as study-start-task.ts does for the study
 * screen (see there): SvelteKit's `start()` and the hydration of the prerendered list are two tasks.
 */
import { afterThisTask } from './page-ready';

// (Also when prerendering: Node has timers.)
await afterThisTask();

export {};
