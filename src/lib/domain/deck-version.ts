/**
 * Shipped decks move forward only. Each deck row stores the `version` of the file it came from; at start-up
 * a shipped file is applied only when it is newer than what is stored (an older app build, still running in
 * another tab or from an old cache, never rolls a deck back), and never over a deck the user imported that
 * happens to have the same id. Pure.
 */

/** Compares dotted versions numerically ("1.10.0" > "1.9.2"); a missing part counts as 0, text parts as text. */
export function compareVersions(a: string, b: string): number {
	const pa = a.trim().replace(/^v/i, '').split(/[.+-]/);
	const pb = b.trim().replace(/^v/i, '').split(/[.+-]/);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const x = pa[i] ?? '0';
		const y = pb[i] ?? '0';
		const nx = /^\d+$/.test(x) ? Number(x) : NaN;
		const ny = /^\d+$/.test(y) ? Number(y) : NaN;
		const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
		if (c !== 0) return Math.sign(c);
	}
	return 0;
}

export type ShippedDeckAction =
	| 'install'
	/** Same version, changed content (a fix shipped without a version bump): applied. */
	| 'update'
	| 'unchanged'
	/** The stored deck is newer: this (older) build leaves it alone. */
	| 'skip-older'
	/** The user imported a deck with this id: a shipped deck never takes it over. */
	| 'skip-user-deck';

export function shippedDeckAction(
	stored: { origin: 'builtin' | 'import'; version: string; contentHash: string } | undefined,
	shipped: { version: string; hash: string }
): ShippedDeckAction {
	if (!stored) return 'install';
	if (stored.origin !== 'builtin') return 'skip-user-deck';
	const c = compareVersions(shipped.version, stored.version);
	if (c < 0) return 'skip-older';
	if (c === 0 && stored.contentHash === shipped.hash) return 'unchanged';
	return 'update';
}
