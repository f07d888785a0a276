// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
	/** Shipped deck files, keyed by path: their deck id and a content hash (see scripts/deck-manifest.js). */
	const __KARTKA_DECKS__: Record<string, { id: string; hash: string }>;
}

export {};
