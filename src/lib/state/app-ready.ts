/** App start-up shared by every page: open the database and install or refresh the shipped decks. */
import { appDb } from '$lib/db/db';
import { installBuiltinDecks } from '$lib/services/builtin-decks.service';

let ready: Promise<void> | null = null;

export function appReady(): Promise<void> {
	ready ??= installBuiltinDecks(appDb(), Date.now()).then(() => undefined);
	return ready;
}
