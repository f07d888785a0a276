/**
 * The few bytes of protobuf wire format Anki's modern collections need (notetype and template configs,
 * the media map): varints and length-delimited fields. Unknown fields are skipped, as protobuf intends.
 */

export interface ProtoField {
	field: number;
	/** Varint and fixed values (as numbers; Anki's ids fit in 2^53). */
	value?: number;
	/** Length-delimited payload: a string, bytes or a nested message. */
	bytes?: Uint8Array;
}

export class ProtoError extends Error {}

function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
	let value = 0;
	let scale = 1;
	for (let i = at; i < buf.length && i < at + 10; i++) {
		const b = buf[i]!;
		value += (b & 0x7f) * scale;
		scale *= 128;
		if ((b & 0x80) === 0) return [value, i + 1];
	}
	throw new ProtoError('truncated varint');
}

/** Every top-level field of a message, in order. Throws ProtoError on malformed input. */
export function readProtoFields(buf: Uint8Array): ProtoField[] {
	const out: ProtoField[] = [];
	let at = 0;
	while (at < buf.length) {
		const [tag, afterTag] = readVarint(buf, at);
		const field = Math.floor(tag / 8);
		const wire = tag % 8;
		at = afterTag;
		if (field === 0) throw new ProtoError('field number 0');
		if (wire === 0) {
			const [value, next] = readVarint(buf, at);
			out.push({ field, value });
			at = next;
		} else if (wire === 2) {
			const [len, next] = readVarint(buf, at);
			if (next + len > buf.length) throw new ProtoError('length past the end');
			out.push({ field, bytes: buf.subarray(next, next + len) });
			at = next + len;
		} else if (wire === 1 || wire === 5) {
			const size = wire === 1 ? 8 : 4;
			if (at + size > buf.length) throw new ProtoError('fixed value past the end');
			const view = new DataView(buf.buffer, buf.byteOffset + at, size);
			out.push({ field, value: size === 4 ? view.getUint32(0, true) : Number(view.getBigUint64(0, true)) });
			at += size;
		} else {
			throw new ProtoError(`unsupported wire type ${wire}`);
		}
	}
	return out;
}

const utf8 = new TextDecoder();

export function protoString(fields: ProtoField[], field: number): string {
	const f = fields.find((x) => x.field === field && x.bytes);
	return f?.bytes ? utf8.decode(f.bytes) : '';
}

export function protoNumber(fields: ProtoField[], field: number): number {
	return fields.find((x) => x.field === field && x.value !== undefined)?.value ?? 0;
}
