// The app shell's watchers start one per task (issue 13: no long task after the first paint), in order,
// and stop starting once the shell is stopped.
import { describe, expect, it } from 'vitest';
import { runInTasks } from '$lib/state/app-shell';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runInTasks', () => {
	it('runs the first step at once and each next one in a later task, in order', async () => {
		const ran: number[] = [];
		runInTasks(
			[1, 2, 3].map((n) => () => void ran.push(n)),
			() => false
		);
		expect(ran).toEqual([1]);
		await nextTask();
		expect(ran).toEqual([1, 2]);
		await nextTask();
		await nextTask();
		expect(ran).toEqual([1, 2, 3]);
	});

	it('starts nothing more once stopped', async () => {
		const ran: number[] = [];
		let stopped = false;
		runInTasks(
			[1, 2, 3].map((n) => () => void ran.push(n)),
			() => stopped
		);
		stopped = true;
		for (let i = 0; i < 4; i++) await nextTask();
		expect(ran).toEqual([1]);
	});
});
