/**
 * Where the user is, kept in the URL's hash so reload, back and forward behave: `#/records/12`,
 * `#/records/12/edit`, `#/new`, an authority's page `#/authorities/7`, a collection's page
 * `#/collections/3`, all the people
 * `#/authorities/person`. The hash works the same from file:// (Electron) and http (host).
 */
import { useSyncExternalStore } from 'react';
import { AUTHORITY_KINDS, type AuthorityKind } from '../../../shared/model';

export type Route =
  | { view: 'none' }
  | { view: 'record'; id: number }
  | { view: 'edit'; id: number }
  | { view: 'create' }
  | { view: 'authority'; id: number }
  | { view: 'collection'; id: number }
  | { view: 'authorities'; kind: AuthorityKind };

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'new') return { view: 'create' };
  const collection = /^collections\/(\d+)$/.exec(path);
  if (collection) return { view: 'collection', id: Number(collection[1]) };
  const authority = /^authorities\/(\d+)$/.exec(path);
  if (authority) return { view: 'authority', id: Number(authority[1]) };
  const kind = /^authorities\/([a-z]+)$/.exec(path)?.[1];
  if (kind && (AUTHORITY_KINDS as readonly string[]).includes(kind))
    return { view: 'authorities', kind: kind as AuthorityKind };
  const m = /^records\/(\d+)(\/edit)?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    return m[2] ? { view: 'edit', id } : { view: 'record', id };
  }
  return { view: 'none' };
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case 'record':
      return `#/records/${route.id}`;
    case 'edit':
      return `#/records/${route.id}/edit`;
    case 'create':
      return '#/new';
    case 'authority':
      return `#/authorities/${route.id}`;
    case 'collection':
      return `#/collections/${route.id}`;
    case 'authorities':
      return `#/authorities/${route.kind}`;
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

/**
 * Someone who may refuse to be left (a form with unsaved typing): told where the user is going,
 * it returns false to stay and asks in its own way, then goes on with leaveTo().
 */
type LeaveGuard = (to: string) => boolean;
let guard: LeaveGuard | null = null;
/** The hash the workspace shows: it only moves on when no guard holds it back. */
let shown = '';
const listeners = new Set<() => void>();

export function setLeaveGuard(g: LeaveGuard | null): void {
  guard = g;
}

function show(to: string): void {
  shown = to;
  for (const l of listeners) l();
}

// Links, keys and the back button all change the hash, so the guard is asked here, once for all of them.
function hashChanged(): void {
  const to = window.location.hash;
  if (to === shown) return;
  if (guard && !guard(to)) {
    history.replaceState(history.state, '', shown || '#/');
    return;
  }
  show(to);
}

/** Goes to a hash, past the guard: the guarded view has already asked and been told yes. */
export function leaveTo(href: string): void {
  guard = null;
  if (window.location.hash === href) show(href);
  else window.location.hash = href;
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    shown = window.location.hash;
    window.addEventListener('hashchange', hashChanged);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', hashChanged);
  };
}

const getHash = () => (listeners.size === 0 ? window.location.hash : shown);

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}
