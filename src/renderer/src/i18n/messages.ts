/**
 * A catalogue in another language has exactly the English catalogue's keys, each a string:
 * a missing or extra key is a type error, not a blank label at run time.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
