/** What "Import…" gives the records it creates: a type (or a guess), tags, a collection; and how their text is read. */
import { OCR_CHOICES, type OcrChoice } from '../../../shared/model';
import { RECORD_TYPES, type RecordType } from '../../../shared/model';
import { CollectionSelect } from '../collections/CollectionSelect';
import { FormField } from '../common/FormField';
import { TagNameInput } from '../common/TagNameInput';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';

/** The dialog's choices: 'guess' and 'default' leave the type and the OCR languages to the service. */
export interface ImportChoiceState {
  type: RecordType | 'guess';
  tags: string;
  collectionId: number | null;
  ocr: OcrChoice | 'default';
}

export const INITIAL_CHOICES: ImportChoiceState = { type: 'guess', tags: '', collectionId: null, ocr: 'default' };

/** Tags as typed: separated by commas (either width), trimmed, each once. */
export function tagsOf(typed: string): string[] {
  return [
    ...new Set(
      typed
        .split(/[,，、]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

interface Props {
  choices: ImportChoiceState;
  onChange: (change: Partial<ImportChoiceState>) => void;
}

export function ImportChoices({ choices, onChange }: Props) {
  const { t } = useT('documents');
  return (
    <div className="import-choices">
      <FormField id="import-type" label={t('import.recordType')} hint={t('import.typeHint')}>
        {(control) => (
          <select
            {...control}
            value={choices.type}
            onChange={(e) => onChange({ type: e.target.value as ImportChoiceState['type'] })}
          >
            <option value="guess">{t('import.typeGuess')}</option>
            {RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {RECORD_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="import-tags" label={t('import.tags')} hint={t('import.tagsHint')}>
        {(control) => (
          <TagNameInput
            control={control}
            listId="import-tag-names"
            value={choices.tags}
            onChange={(tags) => onChange({ tags })}
          />
        )}
      </FormField>
      <FormField id="import-collection" label={t('import.collection')}>
        {(control) => (
          <CollectionSelect
            control={control}
            value={choices.collectionId}
            onChange={(collectionId) => onChange({ collectionId })}
            noneLabel={t('import.noCollection')}
          />
        )}
      </FormField>
      <FormField id="import-ocr" label={t('import.ocr')}>
        {(control) => (
          <select
            {...control}
            value={choices.ocr}
            onChange={(e) => onChange({ ocr: e.target.value as ImportChoiceState['ocr'] })}
          >
            {(['default', ...OCR_CHOICES] as const).map((c) => (
              <option key={c} value={c}>
                {t(`import.ocrChoice.${c === 'eng+chi_sim' ? 'both' : c}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
}
