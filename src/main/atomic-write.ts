/**
 * A file replaced whole or not at all: written to a temporary file beside it, flushed to the disk,
 * then renamed over the old one, so a crash or a kill leaves either the old file or the new one,
 * never half of one (the search snapshot, the undo history).
 */
import fs from 'node:fs';

export function writeFileAtomically(file: string, data: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } finally {
    // Only left behind when the write or the rename failed (a full disk): never half a file beside it.
    fs.rmSync(temp, { force: true });
  }
}
