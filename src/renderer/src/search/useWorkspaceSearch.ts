/**
 * The workspace's search: the text typed in the header, the facets and year chosen, the order,
 * and what the index answers. While any of them is set, the middle pane shows results instead of
 * the list. The index follows the catalogue: a full load once the library is known, then what
 * changed each time it is looked at again.
 */
import { useEffect, useState } from 'react';
import type { SavedSearch } from '../../../shared/channels/search';
import type { FacetFilters } from '../../../shared/search/engine';
import { searchIndex } from './searchIndex';
import type { SearchSort } from './searchSort';
import { hasFacets, useSearch, type SearchState } from './useSearch';

export interface WorkspaceSearch {
  text: string;
  facets: FacetFilters;
  sort: SearchSort;
  state: SearchState;
  /** Text typed or facets chosen: the results replace the list. */
  searching: boolean;
  /** The search box's text; emptying it also drops the facets. */
  change: (text: string) => void;
  /** Only the text (a "did you mean" suggestion keeps the facets). */
  setText: (text: string) => void;
  setFacets: (facets: FacetFilters) => void;
  setSort: (sort: SearchSort) => void;
  open: (saved: SavedSearch) => void;
}

/** `library` is the library's info as last loaded: each new one lets the index catch up. */
export function useWorkspaceSearch(library: unknown): WorkspaceSearch {
  const [text, setText] = useState('');
  const [facets, setFacets] = useState<FacetFilters>({});
  const [sort, setSort] = useState<SearchSort>('relevance');
  const index = searchIndex();
  const state = useSearch(index, text, facets, sort);

  useEffect(() => {
    if (library) void index.sync();
  }, [index, library]);

  return {
    text,
    facets,
    sort,
    state,
    searching: text.trim() !== '' || hasFacets(facets),
    change: (next) => {
      setText(next);
      if (!next.trim()) setFacets({});
    },
    setText,
    setFacets,
    setSort,
    open: (saved) => {
      setText(saved.query);
      setFacets(saved.filters);
    },
  };
}
