/**
 * Anki cloze deletions inside card templates (`{{cloze:Field}}`), with nesting as Anki 2.1.56+ allows:
 * `{{c1::outer {{c2::inner}} text}}`. Rendering matches card-render's look (`<mark class="cloze">`).
 */

interface ClozeNode {
	n: number;
	children: (string | ClozeNode)[];
	hint?: string;
}

const OPEN = /\{\{c(\d+)::/y;

function parse(text: string): (string | ClozeNode)[] {
	const root: (string | ClozeNode)[] = [];
	const stack: { node: ClozeNode; buf: (string | ClozeNode)[] }[] = [];
	let out = root;
	let plain = '';
	let i = 0;
	const flush = () => {
		if (plain) out.push(plain);
		plain = '';
	};
	while (i < text.length) {
		OPEN.lastIndex = i;
		const m = OPEN.exec(text);
		if (m) {
			flush();
			const node: ClozeNode = { n: Number(m[1]), children: [] };
			stack.push({ node, buf: out });
			out = node.children;
			i += m[0].length;
		} else if (stack.length && text.startsWith('}}', i)) {
			flush();
			const { node, buf } = stack.pop()!;
			// A trailing `::hint` lives in the last plain child.
			const last = node.children[node.children.length - 1];
			if (typeof last === 'string' && last.includes('::')) {
				const at = last.indexOf('::');
				node.hint = last.slice(at + 2);
				node.children[node.children.length - 1] = last.slice(0, at);
			}
			buf.push(node);
			out = buf;
			i += 2;
		} else {
			plain += text[i];
			i++;
		}
	}
	flush();
	// Unclosed deletions stay as the text they were.
	while (stack.length) {
		const { node, buf } = stack.pop()!;
		buf.push(`{{c${node.n}::`, ...node.children);
		out = buf;
	}
	return root;
}

function collect(nodes: (string | ClozeNode)[], into: Set<number>): void {
	for (const n of nodes) {
		if (typeof n === 'string') continue;
		if (n.n > 0) into.add(n.n);
		collect(n.children, into);
	}
}

/** Cloze numbers used in a field (Anki's card ordinals are these minus one). */
export function clozeNumbersIn(text: string): number[] {
	const found = new Set<number>();
	collect(parse(text), found);
	return [...found].sort((a, b) => a - b);
}

function render(nodes: (string | ClozeNode)[], active: number, reveal: boolean): string {
	let html = '';
	for (const n of nodes) {
		if (typeof n === 'string') html += n;
		else if (n.n !== active) html += render(n.children, active, reveal);
		else if (reveal) html += `<mark class="cloze">${render(n.children, active, reveal)}</mark>`;
		else html += `<mark class="cloze">[${n.hint ?? '…'}]</mark>`;
	}
	return html;
}

/** The field with cloze `active` hidden (question) or highlighted (answer); other clozes show their text. */
export function renderClozeField(text: string, active: number, reveal: boolean): string {
	return render(parse(text), active, reveal);
}

/** `{{cloze-only:Field}}`: the answers of the active cloze, comma-separated. */
export function clozeOnly(text: string, active: number): string {
	const answers: string[] = [];
	const walk = (nodes: (string | ClozeNode)[]) => {
		for (const n of nodes) {
			if (typeof n === 'string') continue;
			if (n.n === active)
				answers.push(render(n.children, active, true).replace(/<mark class="cloze">|<\/mark>/g, ''));
			else walk(n.children);
		}
	};
	walk(parse(text));
	return answers.join(', ');
}
