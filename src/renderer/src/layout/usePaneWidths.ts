import { useState } from 'react';
import { loadPaneWidths, savePaneWidths, type Pane } from './panes';

/** The sidebar's and the list's widths as the splitters drag them, remembered when a drag ends. */
export function usePaneWidths() {
  const [widths, setWidths] = useState(loadPaneWidths);
  return {
    widths,
    setWidth: (pane: Pane) => (width: number) => setWidths((w) => ({ ...w, [pane]: width })),
    save: () => savePaneWidths(widths),
  };
}
