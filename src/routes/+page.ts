// The home page is prerendered with its static parts (header, heading, buttons), so the first paint
// does not wait for the app's JavaScript; the deck list fills in once IndexedDB is read.
export const ssr = true;
