/**
 * npm run publish-deck -- <deck.json> <class database URL> [--user instructor] [--lock --student-role student]
 *
 * Publishes a Kartka deck file (docs/deck-format.md) into a class database that students subscribe to
 * (docs/sync.md, "Class decks"). Run it again after editing the deck (bump its "version"): students'
 * devices pick up the new version on their next sync, with their progress and own edits kept.
 * The password is read from KARTKA_PUBLISH_PASSWORD (or asked for), never from the command line.
 * --lock makes the database read-only for students on CouchDB 3 (`_security` + `validate_doc_update`).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { errorMessage } from '../src/lib/domain/errors';
import { lockClassDatabase, publishDeck } from '../src/lib/services/sync/class-publish';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		user: { type: 'string' },
		lock: { type: 'boolean', default: false },
		'student-role': { type: 'string', default: 'student' }
	}
});
const [file, url] = positionals;
if (!file || !url) {
	console.error('Usage: npm run publish-deck -- <deck.json> <class database URL> [--user name] [--lock]');
	process.exit(2);
}

async function password(): Promise<string | undefined> {
	if (!values.user) return undefined;
	if (process.env.KARTKA_PUBLISH_PASSWORD) return process.env.KARTKA_PUBLISH_PASSWORD;
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	const answer = await rl.question(`Password for ${values.user}: `);
	rl.close();
	return answer;
}

try {
	const auth = { url, username: values.user, password: await password(), nowMs: Date.now() };
	const result = await publishDeck(readFileSync(file, 'utf8'), auth);
	console.log(
		`Published "${result.deckId}" version ${result.version} (${result.notes} notes), revision ${result.rev}.`
	);
	if (values.lock) {
		if (!values.user)
			throw new Error('--lock needs --user (the instructor, who stays admin of the database).');
		await lockClassDatabase({ ...auth, instructor: values.user, studentRole: values['student-role'] });
		console.log(`Locked: readers need the role "${values['student-role']}", only ${values.user} can write.`);
	}
	console.log(`Students subscribe with: <your Kartka address>/?subscribe=${encodeURIComponent(url)}`);
} catch (error) {
	console.error(errorMessage(error));
	process.exit(1);
}
