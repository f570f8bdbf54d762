/** Where "Import…" takes files from: chosen files, a chosen folder, or a folder path typed or picked. */
import { PathField } from '../common/PathField';
import { useT } from '../i18n/i18n';

interface Props {
  onFiles: (files: File[]) => void;
  folderPath: string;
  onFolderPath: (path: string) => void;
  onPreview: () => void;
  onError: (message: string) => void;
}

export function ImportSources({ onFiles, folderPath, onFolderPath, onPreview, onError }: Props) {
  const { t } = useT('documents');
  return (
    <>
      <div className="actions">
        <label className="button-like">
          {t('import.chooseFiles')}
          <input
            type="file"
            multiple
            className="visually-hidden"
            data-testid="import-files"
            onChange={(e) => onFiles([...(e.target.files ?? [])])}
          />
        </label>
        <label className="button-like">
          {t('import.chooseFolder')}
          <input
            type="file"
            multiple
            className="visually-hidden"
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            data-testid="import-folder"
            onChange={(e) => onFiles([...(e.target.files ?? [])])}
          />
        </label>
      </div>
      <form
        className="path-import"
        onSubmit={(e) => {
          e.preventDefault();
          onPreview();
        }}
      >
        <label htmlFor="import-folder-path">{t('import.folderPath')}</label>{' '}
        <PathField
          id="import-folder-path"
          kind="folder"
          value={folderPath}
          onChange={onFolderPath}
          placeholder="/home/me/Scans"
          onError={onError}
        />{' '}
        <button type="submit" disabled={!folderPath.trim()}>
          {t('import.preview')}
        </button>
      </form>
    </>
  );
}
