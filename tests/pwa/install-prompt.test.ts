import { describe, expect, it } from 'vitest';
import { INSTALL_SNOOZE_MS, isSnoozed } from '$lib/pwa/install-prompt.svelte';

describe('isSnoozed', () => {
	const now = 1_800_000_000_000;
	it('hides the install offer for 30 days after "Not now"', () => {
		expect(isSnoozed(null, now)).toBe(false);
		expect(isSnoozed(now - 1000, now)).toBe(true);
		expect(isSnoozed(now - INSTALL_SNOOZE_MS + 1, now)).toBe(true);
		expect(isSnoozed(now - INSTALL_SNOOZE_MS, now)).toBe(false);
		expect(isSnoozed(Number.NaN, now)).toBe(false);
	});
});
