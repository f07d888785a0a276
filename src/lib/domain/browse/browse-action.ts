/** A bulk action as Browse asks for it (with the value the user typed or chose), and its button label. */
export type BrowseAction =
	| { kind: 'suspend' | 'unsuspend' | 'bury' | 'forget' | 'delete' }
	| { kind: 'set-due'; days: string }
	| { kind: 'move'; deckId: string }
	| { kind: 'add-tags' | 'remove-tags'; tags: string };

export const ACTION_LABELS: Record<BrowseAction['kind'], string> = {
	suspend: 'Suspend',
	unsuspend: 'Unsuspend',
	bury: 'Bury',
	forget: 'Forget',
	'set-due': 'Set due date',
	move: 'Move to deck',
	'add-tags': 'Add tags',
	'remove-tags': 'Remove tags',
	delete: 'Delete'
};
