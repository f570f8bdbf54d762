/**
 * The keys of the authority combobox (the APG "list autocomplete" pattern): Up and Down move
 * through the options and open the list, Enter chooses, Escape closes an open list (and only
 * then: otherwise Escape belongs to the form around it), Tab closes it and moves on.
 */
import type { KeyboardEvent } from 'react';

interface Keys {
  count: number;
  expanded: boolean;
  setOpen: (open: boolean) => void;
  setActive: (update: (i: number) => number) => void;
  choose: () => void;
}

export function comboboxKeys({ count, expanded, setOpen, setActive, choose }: Keys) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      if (count) setActive((i) => (i + 1) % count);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (count) setActive((i) => (i <= 0 ? count - 1 : i - 1));
    } else if (e.key === 'Enter') {
      // Enter never submits the record form around the box.
      e.preventDefault();
      choose();
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      }
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };
}
