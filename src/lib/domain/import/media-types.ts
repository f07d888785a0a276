/** MIME types of the media files Anki decks carry, by extension (the zip has no types of its own). */
const TYPES: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	svg: 'image/svg+xml',
	bmp: 'image/bmp',
	avif: 'image/avif',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	ico: 'image/x-icon',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	wav: 'audio/wav',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	flac: 'audio/flac',
	webm: 'video/webm',
	mp4: 'video/mp4',
	ogv: 'video/ogg',
	mov: 'video/quicktime',
	css: 'text/css',
	js: 'text/javascript',
	ttf: 'font/ttf',
	otf: 'font/otf',
	woff: 'font/woff',
	woff2: 'font/woff2'
};

export function mimeFromName(name: string): string {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
	return TYPES[ext] ?? 'application/octet-stream';
}
