// The one study keyboard (study and practice screens), fed synthetic key events.
import { describe, expect, it, vi } from 'vitest';
import type { SessionStatus } from '$lib/state/card-session.svelte';
import { handleStudyKey } from '$lib/state/study-keys';

function session(status: SessionStatus) {
	return { status, reveal: vi.fn(), answer: vi.fn(async () => {}), undo: vi.fn(async () => {}) };
}

function key(k: string, over: { ctrlKey?: boolean; altKey?: boolean; tag?: string; inField?: boolean } = {}) {
	const target = { tagName: over.tag ?? 'BODY', closest: () => (over.inField ? {} : null) };
	return {
		key: k,
		ctrlKey: over.ctrlKey ?? false,
		altKey: over.altKey ?? false,
		metaKey: false,
		target,
		preventDefault: vi.fn()
	} as unknown as KeyboardEvent;
}

describe('handleStudyKey', () => {
	it('shows the answer with Space or Enter, but not when a button has the focus', () => {
		const s = session('question');
		handleStudyKey(key(' '), s);
		handleStudyKey(key('Enter'), s);
		handleStudyKey(key('Enter', { tag: 'BUTTON' }), s);
		expect(s.reveal).toHaveBeenCalledTimes(2);
	});

	it('answers 1-4 only on the answer side', () => {
		const q = session('question');
		handleStudyKey(key('3'), q);
		expect(q.answer).not.toHaveBeenCalled();
		const a = session('answer');
		handleStudyKey(key('1'), a);
		handleStudyKey(key('4'), a);
		expect(a.answer.mock.calls).toEqual([[1], [4]]);
	});

	it('undoes with U and with Ctrl+Z (both screens)', () => {
		const s = session('done');
		handleStudyKey(key('u'), s);
		const ctrlZ = key('z', { ctrlKey: true });
		handleStudyKey(ctrlZ, s);
		expect(s.undo).toHaveBeenCalledTimes(2);
		expect(ctrlZ.preventDefault).toHaveBeenCalled();
	});

	it('leaves keys typed into a field, other Ctrl/Alt shortcuts, and a screen without a session alone', () => {
		const s = session('answer');
		handleStudyKey(key('2', { inField: true }), s);
		handleStudyKey(key('u', { inField: true }), s);
		handleStudyKey(key('2', { ctrlKey: true }), s);
		handleStudyKey(key('u', { altKey: true }), s);
		expect(s.answer).not.toHaveBeenCalled();
		expect(s.undo).not.toHaveBeenCalled();
		expect(() => handleStudyKey(key('u'), null)).not.toThrow();
	});
});
