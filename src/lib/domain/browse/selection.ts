/**
 * Browse's selection: toggling one card (Space, a tap in select mode, a long press), extending a range
 * from an anchor (Shift+arrows), and "Select all" over the cards the search matched. Pure: sets of ids.
 */

export interface Selection {
	ids: ReadonlySet<string>;
	/** Where a Shift-range starts (an index into the listed rows), or null. */
	anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggle(sel: Selection, id: string, index: number): Selection {
	const ids = new Set(sel.ids);
	if (ids.has(id)) ids.delete(id);
	else ids.add(id);
	return { ids, anchor: index };
}

/** Shift+arrow: select every row between the anchor and `to` (inclusive), adding to what is selected. */
export function extendTo(sel: Selection, rowIds: readonly string[], from: number, to: number): Selection {
	const anchor = sel.anchor ?? from;
	const ids = new Set(sel.ids);
	const [lo, hi] = anchor <= to ? [anchor, to] : [to, anchor];
	for (let i = Math.max(0, lo); i <= Math.min(rowIds.length - 1, hi); i++) ids.add(rowIds[i]!);
	return { ids, anchor };
}

export function selectAll(rowIds: readonly string[]): Selection {
	return { ids: new Set(rowIds), anchor: null };
}

/** After a search, only what is still listed stays selected (actions never touch unseen cards). */
export function keepListed(sel: Selection, rowIds: readonly string[]): Selection {
	if (sel.ids.size === 0) return sel;
	const listed = new Set(rowIds);
	return { ids: new Set([...sel.ids].filter((id) => listed.has(id))), anchor: null };
}
