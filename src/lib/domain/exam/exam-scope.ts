/** Which notes an exam covers. A module of its own: today's counts need it, the home page none of exam-priority. */
import type { NoteRow } from '../model';

/** Notes an exam with `tags` covers (all when no tag is chosen); removed notes are left out. */
export function notesInScope(notes: readonly NoteRow[], tags: readonly string[]): NoteRow[] {
	return notes.filter((n) => !n.removed && (tags.length === 0 || n.tags.some((t) => tags.includes(t))));
}
