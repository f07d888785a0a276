import { describe, expect, it } from 'vitest';
import { updateNotice, UPDATE_MESSAGES, type UpdateFacts } from '$lib/pwa/update-policy';

const idle: UpdateFacts = {
	waiting: false,
	activatedElsewhere: false,
	databaseReplaced: false,
	studying: false,
	dismissed: false
};

describe('updateNotice', () => {
	it('shows nothing when there is no update', () => {
		expect(updateNotice(idle)).toEqual({ kind: 'none' });
		expect(updateNotice({ ...idle, studying: true })).toEqual({ kind: 'none' });
	});

	it('offers a waiting version on the home screen, with "Later"', () => {
		expect(updateNotice({ ...idle, waiting: true })).toEqual({
			kind: 'offer',
			reason: 'new-version',
			canDismiss: true
		});
	});

	it('never offers to apply it while a card is on screen: only a badge', () => {
		expect(updateNotice({ ...idle, waiting: true, studying: true })).toEqual({
			kind: 'deferred',
			reason: 'new-version'
		});
		expect(updateNotice({ ...idle, activatedElsewhere: true, studying: true })).toEqual({
			kind: 'deferred',
			reason: 'other-tab'
		});
	});

	it('hides a dismissed offer, but the badge still shows during the next session', () => {
		expect(updateNotice({ ...idle, waiting: true, dismissed: true })).toEqual({ kind: 'none' });
		expect(updateNotice({ ...idle, waiting: true, dismissed: true, studying: true }).kind).toBe('deferred');
	});

	it('offers a reload at once, even mid-session, when another tab upgraded the database', () => {
		expect(updateNotice({ ...idle, databaseReplaced: true, studying: true, dismissed: true })).toEqual({
			kind: 'offer',
			reason: 'database',
			canDismiss: false
		});
	});

	it('has a message for every reason', () => {
		for (const reason of ['new-version', 'other-tab', 'database'] as const)
			expect(UPDATE_MESSAGES[reason]).toMatch(/\w/);
	});
});
