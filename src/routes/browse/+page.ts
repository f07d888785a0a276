// The first rows' reads start with the navigation (this runs on the click, or on hover) rather than when
// the page is created: they overlap the navigation and the first render (state/browse-first.ts).
import { browser } from '$app/environment';
import { appDb } from '$lib/db/db';
import { prefetchFirstReads } from '$lib/state/browse-first';

export function load() {
	if (browser) prefetchFirstReads(appDb());
}
