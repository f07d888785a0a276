/**
 * The "Install app" offer. Chromium fires `beforeinstallprompt` when the app is installable; we keep the
 * event and show our own button instead of the browser's mini-infobar. Other browsers never fire it
 * (Settings explains "Add to Home Screen" there).
 */
import { requestPersistence } from './storage';

interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

const DISMISS_KEY = 'kartka.install.dismissedAtMs';
/** "Not now" hides the offer for this long. */
export const INSTALL_SNOOZE_MS = 30 * 24 * 60 * 60 * 1000;

export const install = $state({ available: false, installed: false, dismissed: false });

let deferred: BeforeInstallPromptEvent | null = null;
let listening = false;

export function isSnoozed(dismissedAtMs: number | null, nowMs: number): boolean {
	return (
		dismissedAtMs !== null && Number.isFinite(dismissedAtMs) && nowMs - dismissedAtMs < INSTALL_SNOOZE_MS
	);
}

function captureInstallPrompt(event: Event): void {
	event.preventDefault();
	deferred = event as BeforeInstallPromptEvent;
	install.available = true;
}

// The browser fires the event once per page, possibly before this module loads: the boot script in <head>
// (static/register-sw.js) keeps it for us. Listen from the moment this module loads (with the layout), not
// from mount, for an offer that comes later.
if (typeof window !== 'undefined') {
	const early = (window as { __kartkaInstallPrompt?: Event }).__kartkaInstallPrompt;
	if (early) captureInstallPrompt(early);
	window.addEventListener('beforeinstallprompt', captureInstallPrompt);
}

/** Reads the saved "Not now" and watches for the app being installed. */
export function listenForInstallPrompt(nowMs: number): void {
	if (listening) return;
	listening = true;
	install.installed = window.matchMedia('(display-mode: standalone)').matches;
	install.dismissed = isSnoozed(readDismissedAt(), nowMs);
	window.addEventListener('appinstalled', () => {
		deferred = null;
		install.available = false;
		install.installed = true;
		// Chromium grants persistent storage to installed apps.
		void requestPersistence();
	});
}

/** Shows the browser's install dialog; the event can be used only once. */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
	const event = deferred;
	if (!event) return 'unavailable';
	deferred = null;
	install.available = false;
	await event.prompt();
	const { outcome } = await event.userChoice;
	return outcome;
}

export function dismissInstall(nowMs: number): void {
	install.dismissed = true;
	try {
		localStorage.setItem(DISMISS_KEY, String(nowMs));
	} catch {
		// Storage blocked: the offer is hidden for this visit only.
	}
}

function readDismissedAt(): number | null {
	try {
		const raw = localStorage.getItem(DISMISS_KEY);
		return raw === null ? null : Number(raw);
	} catch {
		return null;
	}
}
