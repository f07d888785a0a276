import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handOverPicture } from '$lib/state/picture-handover';

describe('handOverPicture (the study screen after its first card is rendered)', () => {
	let frames: (() => void)[] = [];
	beforeEach(() => {
		frames = [];
		vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
	});
	afterEach(() => vi.unstubAllGlobals());
	const frame = () => frames.splice(0).forEach((callback) => callback());
	const task = () => new Promise((resolve) => setTimeout(resolve));

	it('drops the picture after the frame, and keeps the screen in a later task', async () => {
		const steps: string[] = [];
		const done = handOverPicture(
			() => true,
			() => steps.push('drop'),
			() => steps.push('keep')
		);
		await task();
		expect(steps).toEqual([]); // nothing in the task that rendered the card, nor before its frame
		frame();
		await task();
		expect(steps).toEqual(['drop']);
		await done;
		expect(steps).toEqual(['drop', 'keep']);
	});

	it('does nothing when the screen moved on before the frame (the newer screen hands over)', async () => {
		const steps: string[] = [];
		const done = handOverPicture(
			() => false,
			() => steps.push('drop'),
			() => steps.push('keep')
		);
		frame();
		await done;
		expect(steps).toEqual([]);
	});

	it('drops but does not keep a screen that moved on between the two', async () => {
		const steps: string[] = [];
		let current = true;
		const done = handOverPicture(
			() => current,
			() => {
				steps.push('drop');
				current = false;
			},
			() => steps.push('keep')
		);
		frame();
		await done;
		expect(steps).toEqual(['drop']);
	});

	it('only drops when there is nothing to keep (a group, an error)', async () => {
		const drop = vi.fn();
		const done = handOverPicture(() => true, drop, null);
		frame();
		await done;
		expect(drop).toHaveBeenCalledOnce();
	});
});

describe('the page modules that end the task before their screen (study-start-task, home-start-task)', () => {
	it.each(['study', 'home'])(
		'%s: the module resolves only after a task that was queued before it',
		async (name) => {
			const order: string[] = [];
			setTimeout(() => order.push('earlier task'));
			await (name === 'study' ? import('$lib/state/study-start-task') : import('$lib/state/home-start-task'));
			order.push('module evaluated');
			expect(order).toEqual(['earlier task', 'module evaluated']);
		}
	);
});
