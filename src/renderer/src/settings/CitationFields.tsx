/**
 * The library's citation settings — the holding archive printed in every citation, its place, and
 * the default style, searchable among every official style — as one set of form rows. The settings dialog and "Citations & exchange"
 * both show these rows, so the two cannot drift apart.
 */
import type { OutputOf } from '../../../shared/contract';
import { StylePicker } from '../cite/StylePicker';
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';

export interface CitationDraft {
  archiveName: string;
  archivePlace: string;
  defaultStyle: string;
}

/** The saved settings as the rows edit them (text boxes hold '' for "none"). */
export function citationDraft(saved: OutputOf<'getSettings'>): CitationDraft {
  return {
    archiveName: saved.archiveName ?? '',
    archivePlace: saved.archivePlace ?? '',
    defaultStyle: saved.defaultStyle,
  };
}

interface Props {
  draft: CitationDraft;
  onChange: (change: Partial<CitationDraft>) => void;
}

export function CitationFields({ draft, onChange }: Props) {
  const { t } = useT('settings');
  return (
    <>
      <FormField
        id="settings-archive-name"
        label={t('citations.archiveName')}
        hint={t('citations.archiveNameHelp')}
        inline
      >
        {(control) => (
          <input {...control} value={draft.archiveName} onChange={(e) => onChange({ archiveName: e.target.value })} />
        )}
      </FormField>
      <FormField id="settings-archive-place" label={t('citations.archivePlace')} inline>
        {(control) => (
          <input {...control} value={draft.archivePlace} onChange={(e) => onChange({ archivePlace: e.target.value })} />
        )}
      </FormField>
      <FormField id="settings-default-style" label={t('citations.defaultStyle')} inline>
        {(control) => (
          <StylePicker
            id={control.id}
            value={draft.defaultStyle}
            onChange={(style) => onChange({ defaultStyle: style })}
          />
        )}
      </FormField>
    </>
  );
}
