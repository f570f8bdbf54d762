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

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}
