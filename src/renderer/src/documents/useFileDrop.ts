/**
 * Files or folders dropped anywhere on the window (but on a record's file list, which attaches
 * them there): while something is dragged over the window `dragging` is true, and a drop hands
 * over every file inside it, folders walked recursively.
 */
import { useEffect, useRef, useState } from 'react';

/** Files inside dropped folders (recursively), through the entries API. */
async function filesOf(items: DataTransferItemList): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory && !entry.name.startsWith('.')) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  const entries = [...items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  for (const e of entries) await walk(e);
  return out;
}

export function useFileDrop(onDrop: (files: File[]) => void): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  // The listeners are added once; they call whatever onDrop is current.
  const latest = useRef(onDrop);
  useEffect(() => {
    latest.current = onDrop;
  });

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      depth = 0;
      setDragging(false);
      // A drop on a record's file list attaches there; elsewhere it imports new records.
      if ((e.target as Element | null)?.closest?.('.documents')) return;
      e.preventDefault();
      void filesOf(e.dataTransfer.items).then((files) => latest.current(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return { dragging };
}
