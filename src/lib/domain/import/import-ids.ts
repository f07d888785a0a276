/**
 * Stable ids for imported content. Re-importing the same deck (a newer export of the same Anki deck,
 * the same spreadsheet) must land on the same deck and note ids, so that it updates rather than
 * duplicates; ids are also valid Kartka deck-format slugs, so that an exported deck re-imports onto itself.
 */
import { fnv1a } from '../text-hash';
import type { ImportFormat } from './import-model';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_KEY = 80;

/** Lowercase ASCII slug (accents dropped, anything else becomes '-'), at most `max` characters. */
export function slugify(text: string, max = 40): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, max)
		.replace(/^-+|-+$/g, '');
}

export function isAnkiFormat(format: ImportFormat): boolean {
	return format.startsWith('apkg') || format === 'colpkg' || format === 'anki-text';
}

/**
 * The deck id for notes of deck `deckName` from a file of `format`. Anki deck names are
 * case-insensitive, so "Biology" and "biology" are one deck. The hash keeps names that slug alike
 * ("C++" and "C") and names in other scripts ("Русский") apart.
 */
export function deckIdFor(format: ImportFormat, deckName: string): string {
	const name = deckName.normalize('NFC').trim().toLowerCase();
	const prefix = isAnkiFormat(format) ? 'anki' : 'import';
	const slug = slugify(name);
	return `${prefix}-${slug ? `${slug}-` : ''}${fnv1a(name)}`;
}

/**
 * A note key that is a deck-format slug: kept when it already is one, else its UTF-8 bytes in hex
 * (reversible, so two keys never meet), or a hash when that would be too long.
 */
export function safeNoteKey(key: string): string {
	if (key.length <= MAX_KEY && SLUG.test(key)) return key;
	const hex = [...new TextEncoder().encode(key)].map((b) => b.toString(16).padStart(2, '0')).join('');
	if (hex.length + 2 <= MAX_KEY) return `x-${hex}`;
	return `h-${fnv1a(key)}-${fnv1a(`${key.length}:${key}`)}`;
}

/** Keys made unique within a deck: a repeated key gets `-2`, `-3`… (in file order, so stable). */
export function uniqueKeys(keys: string[]): { keys: string[]; repeated: number } {
	const seen = new Set<string>();
	let repeated = 0;
	const out = keys.map((key) => {
		if (!seen.has(key)) {
			seen.add(key);
			return key;
		}
		repeated++;
		let n = 2;
		while (seen.has(`${key}-${n}`)) n++;
		seen.add(`${key}-${n}`);
		return `${key}-${n}`;
	});
	return { keys: out, repeated };
}
