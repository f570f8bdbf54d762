/**
 * The library's citation settings as "Citations & exchange" edits them: loaded whenever the dialog
 * opens (and again after a save), with `loaded` false until the saved values are in the draft.
 */
import { useEffect, useState } from 'react';
import { archive } from '../archive';
import { useResult } from '../common/useResult';
import { citationDraft, type CitationDraft } from '../settings/CitationFields';

export function useCitationSettings(open: boolean) {
  const [tick, setTick] = useState(0);
  const settings = useResult(() => (open ? archive.getSettings({}) : null), [open, tick]);
  const [draft, setDraft] = useState<CitationDraft>({ archiveName: '', archivePlace: '', defaultStyle: 'apa' });
  // The rows appear once the saved settings are in them: text typed earlier would be overwritten.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (!settings.value) return;
    setDraft(citationDraft(settings.value));
    setLoaded(true);
  }, [settings.value]);

  return {
    draft,
    change: (c: Partial<CitationDraft>) => setDraft({ ...draft, ...c }),
    loaded,
    error: settings.error,
    reload: () => setTick((n) => n + 1),
  };
}

export type CitationSettings = ReturnType<typeof useCitationSettings>;
