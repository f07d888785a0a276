/**
 * Deck groups: a deck may sit in a group (`DeckRow.group`, a path of names joined by "::", as Anki
 * names sub-decks). Anki's `Parent::Child::Deck` names become the group `Parent::Child` holding the
 * deck `Deck`. Home shows groups as a tree with the counts of every deck under them summed. Pure.
 */
import type { DeckRow } from '../model';

export const GROUP_SEPARATOR = '::';
/** Bounds for names from outside (deck files, Anki packages). */
export const MAX_GROUP_DEPTH = 8;
export const MAX_GROUP_NAME = 200;

/** Splits a group path into its names (trimmed, empty parts dropped, bounded). */
export function groupNames(group: string | undefined): string[] {
	if (!group) return [];
	return group
		.split(GROUP_SEPARATOR)
		.map((s) => s.trim().slice(0, MAX_GROUP_NAME))
		.filter((s) => s !== '')
		.slice(0, MAX_GROUP_DEPTH);
}

export function joinGroup(names: readonly string[]): string | undefined {
	const clean = groupNames(names.join(GROUP_SEPARATOR));
	return clean.length ? clean.join(GROUP_SEPARATOR) : undefined;
}

/** An Anki deck name as a title and a group: "A::B::Colours" -> { title: "Colours", group: "A::B" }. */
export function splitAnkiDeckName(name: string): { title: string; group?: string } {
	const parts = name
		.split(GROUP_SEPARATOR)
		.map((s) => s.trim())
		.filter((s) => s !== '');
	if (parts.length === 0) return { title: name.trim() || 'Deck' };
	const title = parts.pop()!;
	const group = joinGroup(parts);
	return group ? { title, group } : { title };
}

/** The deck's full name: its group path and title, "A::B::Colours" (what deck: searches match). */
export function deckPath(deck: Pick<DeckRow, 'title' | 'group'>): string {
	return [...groupNames(deck.group), deck.title].join(GROUP_SEPARATOR);
}

/** True when `deck` sits in group `group` or in any group under it. */
export function inGroup(deck: Pick<DeckRow, 'group'>, group: string): boolean {
	const path = groupNames(deck.group);
	const target = groupNames(group);
	return target.length > 0 && target.every((name, i) => path[i] === name);
}

export interface DeckCounts {
	new: number;
	learning: number;
	review: number;
	total: number;
}

export const ZERO_COUNTS: DeckCounts = { new: 0, learning: 0, review: 0, total: 0 };

export function addCounts(a: DeckCounts, b: DeckCounts): DeckCounts {
	return {
		new: a.new + b.new,
		learning: a.learning + b.learning,
		review: a.review + b.review,
		total: a.total + b.total
	};
}

export interface GroupNode {
	/** Full path of the group ("A::B"); what "Study all" and group exam plans are keyed by. */
	path: string;
	name: string;
	groups: GroupNode[];
	/** Decks directly in this group, in the order given. */
	deckIds: string[];
	/** Counts of every deck in this group and under it. */
	counts: DeckCounts;
}

export interface DeckTree {
	/** Top-level groups, in order of their first deck. */
	groups: GroupNode[];
	/** Decks in no group. */
	deckIds: string[];
}

/**
 * The home screen's tree: groups (nested) and ungrouped decks, in the order of `decks`, each group
 * with the summed counts of every deck under it.
 */
export function buildDeckTree(
	decks: readonly Pick<DeckRow, 'id' | 'group'>[],
	counts: ReadonlyMap<string, DeckCounts>
): DeckTree {
	const tree: DeckTree = { groups: [], deckIds: [] };
	const byPath = new Map<string, GroupNode>();
	for (const deck of decks) {
		const names = groupNames(deck.group);
		if (names.length === 0) {
			tree.deckIds.push(deck.id);
			continue;
		}
		let siblings = tree.groups;
		let node: GroupNode | undefined;
		const deckCounts = counts.get(deck.id) ?? ZERO_COUNTS;
		for (let depth = 0; depth < names.length; depth++) {
			const path = names.slice(0, depth + 1).join(GROUP_SEPARATOR);
			node = byPath.get(path);
			if (!node) {
				node = { path, name: names[depth]!, groups: [], deckIds: [], counts: ZERO_COUNTS };
				byPath.set(path, node);
				siblings.push(node);
			}
			node.counts = addCounts(node.counts, deckCounts);
			siblings = node.groups;
		}
		node!.deckIds.push(deck.id);
	}
	return tree;
}

/** Every deck id in a group and under it (what "Study all" studies). */
export function groupDeckIds(node: GroupNode): string[] {
	return [...node.deckIds, ...node.groups.flatMap(groupDeckIds)];
}
