/**
 * An HTML page → the article's text, on the main thread (readability needs a DOM, and workers have no
 * DOMParser). Navigation, ads and comments go; paragraphs, headings and list items stay, one a line.
 * Nothing is rendered or run: DOMParser documents execute no scripts and load nothing.
 */
import { blocksToText } from '$lib/domain/authoring/article-text';
import { KartkaError } from '$lib/domain/errors';

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

export async function htmlToArticle(html: string): Promise<{ title: string; text: string }> {
	const { Readability } = await import('@mozilla/readability');
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const article = new Readability(doc).parse();
	if (!article?.content) {
		throw new KartkaError('authoring-html-empty', 'No article text was found in this page.');
	}
	const body = new DOMParser().parseFromString(article.content, 'text/html');
	const blocks = [...body.querySelectorAll(BLOCKS)]
		// A block inside another block (a <p> in a <li>) is read once, with its parent.
		.filter((el) => !el.parentElement?.closest(BLOCKS))
		.map((el) => el.textContent ?? '');
	const text = blocksToText(blocks.length ? blocks : [body.body.textContent ?? '']);
	if (!text) throw new KartkaError('authoring-html-empty', 'No article text was found in this page.');
	return { title: article.title?.trim() ?? '', text };
}
