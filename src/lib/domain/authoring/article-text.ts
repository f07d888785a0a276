/**
 * What the user opens → plain text for the extraction: Markdown loses its markup (headings stay
 * their own lines, so they are read as headings). HTML is handled on the page (readability needs a DOM).
 */
export function markdownToText(md: string): string {
	return md
		.replace(/\r\n?/g, '\n')
		.replace(/^```.*$/gm, '')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/^[ \t]{0,3}#{1,6}\s+/gm, '')
		.replace(/^[ \t]{0,3}>\s?/gm, '')
		.replace(/^[ \t]*(?:[-*+]|\d+[.)])\s+/gm, '')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

export type ArticleFileKind = 'text' | 'markdown' | 'html';

export function articleFileKind(name: string): ArticleFileKind | undefined {
	if (/\.(?:txt|text)$/i.test(name)) return 'text';
	if (/\.(?:md|markdown)$/i.test(name)) return 'markdown';
	if (/\.html?$/i.test(name)) return 'html';
	return undefined;
}

/** Block texts of an HTML article body, one paragraph a line (headings and list items included). */
export function blocksToText(blocks: string[]): string {
	return blocks
		.map((b) => b.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n\n');
}
