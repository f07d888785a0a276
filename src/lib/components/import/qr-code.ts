/** A QR code as one SVG path (no HTML strings: rendered by Svelte as plain attributes). */
import qrcode from 'qrcode-generator';

export interface QrPath {
	/** Modules per side (the quiet zone of 4 modules on each side is included). */
	size: number;
	d: string;
}

export function qrPath(text: string): QrPath {
	const qr = qrcode(0, 'M');
	qr.addData(text);
	qr.make();
	const n = qr.getModuleCount();
	const quiet = 4;
	let d = '';
	for (let row = 0; row < n; row++) {
		for (let col = 0; col < n; col++) if (qr.isDark(row, col)) d += `M${col + quiet},${row + quiet}h1v1h-1z`;
	}
	return { size: n + 2 * quiet, d };
}
