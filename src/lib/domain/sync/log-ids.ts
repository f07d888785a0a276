/**
 * Globally unique ids for review logs: `<device id>-<counter>`. A device id is random (128 bits from the
 * caller's random source), chosen once per device and kept; the counter only ever rises on that
 * device. Two devices therefore never make the same id, and a log keeps its id everywhere it goes.
 */

/** A new device id: 16 random bytes as 26 base-32 characters (lower case, no separators). */
export function newDeviceId(randomBytes: Uint8Array): string {
	if (randomBytes.length < 16) throw new Error('A device id needs 16 random bytes.');
	const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
	let out = '';
	let bits = 0;
	let value = 0;
	for (const byte of randomBytes.subarray(0, 16)) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += alphabet[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
	}
	if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
	return out;
}

/** Counters are zero-padded so that one device's ids sort in the order they were made. */
export function logUid(deviceId: string, counter: number): string {
	if (!Number.isSafeInteger(counter) || counter < 0) throw new Error(`Bad log counter ${counter}`);
	return `${deviceId}-${counter.toString(36).padStart(8, '0')}`;
}

/** The device that made a log (shown beside conflicting edits and in diagnostics). */
export function deviceOfUid(uid: string): string {
	const dash = uid.lastIndexOf('-');
	return dash > 0 ? uid.slice(0, dash) : uid;
}

/** A short label for a device id, for people ("Conflicting edit from device 7k2q"). */
export function deviceLabel(deviceId: string, names: Record<string, string> = {}): string {
	return names[deviceId] ?? `device ${deviceId.slice(0, 4)}`;
}
