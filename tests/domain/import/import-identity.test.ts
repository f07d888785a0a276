// Issue 12: a file updates a deck only when it really is a new version of it (shared note keys above
// UPDATE_SHARE, or a Kartka deck id plus the user's confirmation); same-name files become "vocab (2)".
// Shipped decks move forward only and never take over a deck the user imported.
import { describe, expect, it } from 'vitest';
import { compareVersions, shippedDeckAction } from '$lib/domain/deck-version';
import {
	chooseImportTarget,
	uniqueTitle,
	UPDATE_SHARE,
	type DeckIdentity
} from '$lib/domain/import/import-identity';

const deck = (
	id: string,
	title: string,
	keys: string[],
	origin: DeckIdentity['origin'] = 'import'
): DeckIdentity => ({
	id,
	title,
	origin,
	noteKeys: new Set(keys)
});
const keys = (prefix: string, n: number) => Array.from({ length: n }, (_v, i) => `${prefix}${i}`);

describe('import identity', () => {
	const vocab = deck('import-vocab-1', 'vocab', keys('h-en-', 40));
	const anki = deck('anki-default-1', 'Default', keys('guidA', 30));

	it('a second, unrelated vocab.csv is a new deck "vocab (2)", never an update', () => {
		const t = chooseImportTarget({ title: 'vocab', noteKeys: keys('h-pl-', 40) }, [vocab]);
		expect(t).toEqual({ kind: 'new', title: 'vocab (2)' });
	});

	it('two unrelated Anki "Default" packages: the second is a new deck', () => {
		expect(chooseImportTarget({ title: 'Default', noteKeys: keys('guidB', 25) }, [anki])).toEqual({
			kind: 'new',
			title: 'Default (2)'
		});
	});

	it('a new version (most notes shared, some added, some removed) updates, whatever its name', () => {
		const next = [...keys('guidA', 20), ...keys('guidNew', 15)];
		const t = chooseImportTarget({ title: 'Renamed deck', noteKeys: next }, [vocab, anki]);
		expect(t).toMatchObject({ kind: 'update', deckId: anki.id, title: 'Default', sharedNotes: 20 });
	});

	it('below the documented threshold it is a new deck', () => {
		const few = Math.floor(30 * UPDATE_SHARE) - 1;
		const t = chooseImportTarget({ title: 'Default', noteKeys: [...keys('guidA', few), ...keys('x', 30)] }, [
			anki
		]);
		expect(t.kind).toBe('new');
	});

	it('a Kartka deck with the same id asks first (and names the deck it would change)', () => {
		const t = chooseImportTarget(
			{ kartkaDeckId: vocab.id, title: 'Vocabulary', noteKeys: keys('other', 3) },
			[vocab]
		);
		expect(t).toEqual({
			kind: 'confirm',
			deckId: vocab.id,
			title: 'vocab',
			sharedNotes: 0,
			newTitle: 'Vocabulary'
		});
	});

	it('a shipped deck is never updated by shared notes alone', () => {
		const shipped = deck('belarus-tilt-dates', 'Dates', keys('n', 10), 'builtin');
		expect(chooseImportTarget({ title: 'Dates', noteKeys: keys('n', 10) }, [shipped])).toEqual({
			kind: 'new',
			title: 'Dates (2)'
		});
	});

	it('unique titles count up past every taken one, ignoring case', () => {
		expect(uniqueTitle('vocab', ['Vocab', 'vocab (2)', 'VOCAB (3)'])).toBe('vocab (4)');
		expect(uniqueTitle('  ', [])).toBe('Imported deck');
	});
});

describe('shipped decks move forward only', () => {
	it('compares versions numerically', () => {
		expect(compareVersions('1.10.0', '1.9.2')).toBe(1);
		expect(compareVersions('1.0', '1.0.0')).toBe(0);
		expect(compareVersions('v2.0.0', '10.0.0')).toBe(-1);
	});

	it('installs, updates newer, skips older and never takes over a user-imported deck', () => {
		const stored = { origin: 'builtin' as const, version: '1.2.0', contentHash: 'h1' };
		expect(shippedDeckAction(undefined, { version: '1.0.0', hash: 'x' })).toBe('install');
		expect(shippedDeckAction(stored, { version: '1.3.0', hash: 'h2' })).toBe('update');
		expect(shippedDeckAction(stored, { version: '1.2.0', hash: 'h1' })).toBe('unchanged');
		expect(shippedDeckAction(stored, { version: '1.1.9', hash: 'h0' })).toBe('skip-older');
		expect(shippedDeckAction({ ...stored, origin: 'import' }, { version: '9.0.0', hash: 'h9' })).toBe(
			'skip-user-deck'
		);
	});
});
