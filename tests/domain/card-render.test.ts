import { describe, expect, it } from 'vitest';
import { cardOrdinals, renderCard } from '$lib/domain/card-render';

describe('card rendering', () => {
	it('yields one card for basic, two for reversible, one per cloze number', () => {
		expect(cardOrdinals('basic', { front: 'a', back: 'b' })).toEqual([0]);
		expect(cardOrdinals('reversible', { front: 'a', back: 'b' })).toEqual([0, 1]);
		expect(cardOrdinals('cloze', { text: '{{c2::x}} and {{c1::y}} and {{c2::z}}' })).toEqual([1, 2]);
	});

	it('swaps sides on the reverse card', () => {
		expect(renderCard('reversible', { front: 'Lukashenko', back: 'President' }, 1)).toMatchObject({
			questionHtml: 'President',
			answerHtml: 'Lukashenko'
		});
	});

	it('blanks only the active cloze, with its hint, and fills it on the answer', () => {
		const text = 'In {{c1::1994}} he won with {{c2::80%::share}} of the vote.';
		const c2 = renderCard('cloze', { text, extra: 'context' }, 2);
		expect(c2.questionHtml).toBe(
			'In 1994 he won with <mark class="cloze" aria-label="blank: share">[share]</mark> of the vote.'
		);
		expect(c2.answerHtml).toBe('In 1994 he won with <mark class="cloze">80%</mark> of the vote.');
		expect(c2.extraHtml).toBe('context');
		expect(renderCard('cloze', { text }, 1).questionHtml).toContain('[…]</mark> he won with 80%');
	});
});
