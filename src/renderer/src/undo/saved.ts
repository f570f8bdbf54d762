/** What a command hands the history to be kept across a reload: its kind and all it knows, as plain data. */
export interface Saved {
  kind: string;
  data: unknown;
}

/** A command's state as it is now, copied, so what is stored is never changed behind the history's back. */
export function saved(kind: string, data: object): Saved {
  return { kind, data: structuredClone(data) };
}
