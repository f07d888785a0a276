/**
 * The instructor's side of a class deck: publish a Kartka deck file into a class database as the
 * document `kartka-deck:<deck id>` (a new revision on top of the previous one), after checking it with
 * the same deck schema students' devices will apply. Used by `npm run publish-deck` (scripts/publish-deck.ts).
 * Optionally locks the database: `_security` (students read, the instructor administers) and a
 * `validate_doc_update` that refuses writes from anyone but the database's admins (CouchDB 3).
 */
import { formatDeckErrors, validateDeck } from '$lib/domain/deck-format';
import { KartkaError } from '$lib/domain/errors';
import { CLASS_LIMITS, classDeckDocId } from '$lib/domain/sync/class-deck';
import { CouchHttp } from './couch-http';

export interface PublishOptions {
	url: string;
	username?: string;
	password?: string;
	nowMs: number;
	fetch?: typeof fetch;
}

export interface PublishResult {
	deckId: string;
	version: string;
	rev: string;
	notes: number;
}

/** Read-only for everyone but the database's admins and server admins (CouchDB 3 calls this on every write). */
export const READ_ONLY_VALIDATOR = `function (newDoc, oldDoc, userCtx, secObj) {
  var admins = (secObj && secObj.admins) || {};
  var names = admins.names || [];
  var roles = admins.roles || [];
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (names.indexOf(userCtx.name) !== -1) return;
  for (var i = 0; i < userCtx.roles.length; i++) if (roles.indexOf(userCtx.roles[i]) !== -1) return;
  throw({ forbidden: 'This class database is read-only: only its instructor publishes to it.' });
}`;

export function securityObject(instructor: string, studentRole: string) {
	return { admins: { names: [instructor], roles: [] }, members: { names: [], roles: [studentRole] } };
}

export async function publishDeck(deckText: string, options: PublishOptions): Promise<PublishResult> {
	if (deckText.length > CLASS_LIMITS.maxDocBytes)
		throw new KartkaError(
			'publish-too-large',
			"The deck file is larger than students' devices accept (4 MB)."
		);
	let input: unknown;
	try {
		input = JSON.parse(deckText);
	} catch (cause) {
		throw new KartkaError('publish-json', 'The deck file is not valid JSON.', { cause });
	}
	const checked = validateDeck(input);
	if (!checked.ok) throw new KartkaError('publish-invalid', formatDeckErrors(checked.errors));
	const http = new CouchHttp(options);
	if ((await http.request('GET', '', { allow404: true })) === null) await http.request('PUT', '');
	const docId = classDeckDocId(checked.deck.id);
	const path = encodeURIComponent(docId);
	const previous = await http.request<{ _rev: string }>('GET', path, { allow404: true });
	const saved = await http.request<{ rev: string }>('PUT', path, {
		body: {
			_id: docId,
			...(previous ? { _rev: previous._rev } : {}),
			publishedMs: options.nowMs,
			// As written by the instructor (the schema's defaults are applied on each device).
			deck: input
		}
	});
	return {
		deckId: checked.deck.id,
		version: checked.deck.version,
		rev: saved!.rev,
		notes: checked.deck.notes.length
	};
}

/** Makes the class database read-only for students (CouchDB 3: `_security` + `validate_doc_update`). */
export async function lockClassDatabase(
	options: PublishOptions & { instructor: string; studentRole: string }
): Promise<void> {
	const http = new CouchHttp(options);
	await http.request('PUT', '_security', { body: securityObject(options.instructor, options.studentRole) });
	const path = '_design/kartka-read-only';
	const previous = await http.request<{ _rev: string }>('GET', path, { allow404: true });
	await http.request('PUT', path, {
		body: {
			_id: path,
			...(previous ? { _rev: previous._rev } : {}),
			validate_doc_update: READ_ONLY_VALIDATOR
		}
	});
}
