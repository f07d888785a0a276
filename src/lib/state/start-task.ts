/**
 * Ends the task before a screen is mounted (issue 13: blocking time). Imported first by a route's page: its
 * top-level `await` holds back the page's module until a later task, so SvelteKit's `start()` (the shell's
 * evaluation, the route table, the first navigation) and the screen's mount are two tasks after the first
 * paint instead of one long one. A universal `load` would do the same, but any universal load brings
 * SvelteKit's load machinery into the shell (+0.6 kB gzip on every first visit).
 */
if (typeof window !== 'undefined') await new Promise((resolve) => setTimeout(resolve));

export {};
