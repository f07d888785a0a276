/** Saves generated content as a file through the browser's download (works offline, no server). */
export function downloadFile(fileName: string, content: BlobPart, mime: string): void {
	const url = URL.createObjectURL(new Blob([content], { type: mime }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Give the download time to start before the URL goes away.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
