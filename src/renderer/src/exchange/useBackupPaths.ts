/**
 * Where "Citations & exchange" writes a backup and a BagIt package: dated defaults inside the
 * library, editable, kept while the app runs and reset when the library changes.
 */
import { useEffect, useState } from 'react';

export function useBackupPaths(libraryPath: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  const [backupPath, setBackupPath] = useState('');
  const [bagPath, setBagPath] = useState('');
  useEffect(() => {
    setBackupPath(`${libraryPath}/backups/library-${stamp}.tar.gz`);
    setBagPath(`${libraryPath}/backups/bag-${stamp}`);
  }, [libraryPath, stamp]);
  return { stamp, backupPath, setBackupPath, bagPath, setBagPath };
}

export type BackupPaths = ReturnType<typeof useBackupPaths>;
