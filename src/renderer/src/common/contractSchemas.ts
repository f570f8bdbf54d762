/**
 * The contract's schemas, for the forms that check their input with them before saving (the
 * record editor, the authority form). Loaded on first use, not with the window: building every
 * channel's schema was a fifth of the page's start-up script. `afterFirstRows` loads them in the
 * background once rows are shown, so a save rarely waits for them.
 */
import { afterFirstRows } from './firstRows';

type Contract = (typeof import('../../../shared/contract'))['contract'];

let loading: Promise<Contract> | null = null;

export function contractSchemas(): Promise<Contract> {
  loading ??= import('../../../shared/contract').then((m) => m.contract);
  return loading;
}

void afterFirstRows().then(() => contractSchemas());
