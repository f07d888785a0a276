/**
 * What the user is doing right now, for code that must not interrupt them (the service-worker update
 * is never applied while a study session is in progress).
 */
export const activity = $state({ studying: false });
