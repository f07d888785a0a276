import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_CARD_KEY, SNAPSHOT_ID } from '$lib/pwa/first-card-snapshot';

// The painter is plain JavaScript inlined into study.html before the app loads: it cannot import the
// constants, so it must spell them the same way.
const painter = readFileSync(new URL('../../src/lib/pwa/first-card-paint.js', import.meta.url), 'utf8');

describe('first-card painter', () => {
	it('reads the key the study page writes and paints into the element the page drops', () => {
		expect(painter).toContain(`'${FIRST_CARD_KEY}'`);
		expect(painter).toContain(`'${SNAPSHOT_ID}'`);
	});

	it('paints an inert picture, hidden from screen readers, and never for "Study all"', () => {
		expect(painter).toMatch(/\.inert = true/);
		expect(painter).toMatch(/setAttribute\('aria-hidden', 'true'\)/);
		expect(painter).toMatch(/params\.has\('group'\)\) return/);
	});

	it('holds nothing that would end the inline <script> it is written into', () => {
		expect(painter).not.toMatch(/<\/script/i);
	});
});
