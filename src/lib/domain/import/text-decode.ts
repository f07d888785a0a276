/**
 * Bytes → text for the text formats: BOM (UTF-8, UTF-16 LE/BE), then strict UTF-8, then Windows-1252
 * (what spreadsheet programs on Windows write). Binary files are refused before anyone tries to read them
 * as cards.
 */
import { ImportError } from './import-model';

export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const SIGNATURES: [number[], string][] = [
	[[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
	[[0xff, 0xd8, 0xff], 'a JPEG image'],
	[[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
	[[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
	[[0x1f, 0x8b], 'a gzip archive'],
	[[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
	[[0x28, 0xb5, 0x2f, 0xfd], 'Zstandard-compressed data'],
	[[0x7f, 0x45, 0x4c, 0x46], 'a program'],
	[[0x4d, 0x5a], 'a Windows program'],
	[[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
	[[0x52, 0x61, 0x72, 0x21], 'a RAR archive']
];

function binaryKind(bytes: Uint8Array): string | undefined {
	for (const [sig, what] of SIGNATURES) if (sig.every((b, i) => bytes[i] === b)) return what;
	// Text has no NUL bytes (UTF-16 is handled before this) and few control characters.
	const sample = bytes.subarray(0, 64 * 1024);
	let control = 0;
	for (const b of sample) {
		if (b === 0) return 'binary data';
		if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
	}
	return control > sample.length * 0.05 ? 'binary data' : undefined;
}

/** UTF-16 without a BOM: every other byte is zero in Latin-script text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const n = Math.min(bytes.length, 4096) & ~1;
	if (n < 4) return undefined;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
	if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
	return undefined;
}

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (€, curly quotes, dashes…). Browsers decode it right;
 * Node's TextDecoder treats the label as Latin-1, so map those code points here to behave the same everywhere.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252')
		.decode(bytes)
		.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	const utf16 = guessUtf16(bytes);
	if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
	const binary = binaryKind(bytes);
	if (binary) {
		throw new ImportError(
			'binary-as-text',
			`"${fileName}" looks like ${binary}, not a text file of cards. Import CSV/TSV text, a Kartka .json deck or an Anki .apkg.`
		);
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

/**
 * The text of a source that is text to split into cards; null for an Anki package (a zip), a Kartka
 * JSON deck, or bytes that are not text.
 */
export function splittableText(bytes: Uint8Array, fileName: string): string | null {
	if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return null; // "PK": a zip (Anki package)
	if (/\.(apkg|colpkg|json)$/i.test(fileName)) return null;
	try {
		const { text } = decodeText(bytes, fileName);
		return /^\s*[[{]/.test(text) ? null : text;
	} catch {
		return null;
	}
}
