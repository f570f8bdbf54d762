/**
 * Going from one view of the workspace to another, with the keyboard focus where the next task
 * starts: the editor's title, the record's heading, or the list's heading.
 */
import { fieldId } from '../editor/Field';
import { navigate } from './route';

/** Moves focus once the element exists (after React has rendered it). */
export function focusSoon(id: string): void {
  let tries = 0;
  const attempt = () => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (tries++ < 20) setTimeout(attempt, 50);
  };
  requestAnimationFrame(attempt);
}

export function startCreate(): void {
  navigate({ view: 'create' });
  focusSoon(fieldId('title'));
}

export function startEdit(id: number): void {
  navigate({ view: 'edit', id });
  focusSoon(fieldId('title'));
}

/** A record saved, or its editing cancelled: back to the record. */
export function showRecord(id: number): void {
  navigate({ view: 'record', id });
  focusSoon('record-heading');
}

/** Nothing open (a record deleted, a new one cancelled): back to the list. */
export function backToList(): void {
  navigate({ view: 'none' });
  focusSoon('list-heading');
}
