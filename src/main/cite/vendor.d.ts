/** citeproc-js and citation-js ship no types: the little of them we use, typed here. */
declare module 'citeproc' {
  /** A style or locale as XML text, or as the element tree citeproc-js builds from it. */
  export type Source = string | { name: string; attrs: Record<string, string>; children: unknown[] };
  interface Sys {
    retrieveLocale(lang: string): Source | null;
    retrieveItem(id: string): unknown;
  }
  export class Engine {
    constructor(sys: Sys, style: Source, lang?: string, forceLang?: boolean);
    updateItems(ids: string[]): void;
    setOutputFormat(format: 'html' | 'text'): void;
    makeBibliography():
      | false
      | [
          {
            entry_ids: string[][];
            bibliography_errors?: { index: number; itemID: string; error_code: number }[];
            bibstart: string;
            bibend: string;
          },
          string[],
        ];
    makeCitationCluster(items: { id: string }[]): string;
    rebuildProcessorState(
      citations: { citationItems: { id: string }[]; properties: { noteIndex: number } }[],
      format: 'html' | 'text',
      uncited: string[],
    ): [string, number, string][];
    opt: { class: string; development_extensions: Record<string, boolean> };
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}

declare module '@citation-js/core' {
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(
        name: string,
      ): { locales: { get(name: string): string }; styles: { get(name: string): string | undefined } } & Record<
        string,
        unknown
      >;
    };
    input: { chain(data: unknown, options?: Record<string, unknown>): Record<string, unknown>[] };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
