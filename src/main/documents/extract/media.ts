/**
 * Audio and video are kept as they are and played in the viewer; their duration is read where the
 * container makes it cheap: MP4/MOV/M4A (the mvhd box) and WAV (the data chunk over the byte rate).
 */
import fs from 'node:fs';
import { emptyExtraction, type Extraction } from './types';

function mp4Duration(fd: number, size: number): number | null {
  // Walk top-level boxes to moov, then its children to mvhd.
  const head = Buffer.alloc(16);
  const find = (start: number, end: number, type: string): { at: number; size: number } | null => {
    let at = start;
    while (at + 8 <= end) {
      fs.readSync(fd, head, 0, 16, at);
      let boxSize = head.readUInt32BE(0);
      const boxType = head.toString('latin1', 4, 8);
      let headerSize = 8;
      if (boxSize === 1) {
        boxSize = Number(head.readBigUInt64BE(8));
        headerSize = 16;
      } else if (boxSize === 0) boxSize = end - at;
      if (boxSize < headerSize) return null;
      if (boxType === type) return { at: at + headerSize, size: boxSize - headerSize };
      at += boxSize;
    }
    return null;
  };
  const moov = find(0, size, 'moov');
  if (!moov) return null;
  const mvhd = find(moov.at, moov.at + moov.size, 'mvhd');
  if (!mvhd) return null;
  const buf = Buffer.alloc(32);
  fs.readSync(fd, buf, 0, 32, mvhd.at);
  const version = buf[0];
  const timescale = version === 1 ? buf.readUInt32BE(20) : buf.readUInt32BE(12);
  const duration = version === 1 ? Number(buf.readBigUInt64BE(24)) : buf.readUInt32BE(16);
  return timescale > 0 ? duration / timescale : null;
}

function wavDuration(fd: number, size: number): number | null {
  const buf = Buffer.alloc(8);
  let at = 12;
  let byteRate = 0;
  while (at + 8 <= size) {
    fs.readSync(fd, buf, 0, 8, at);
    const id = buf.toString('latin1', 0, 4);
    const len = buf.readUInt32LE(4);
    if (id === 'fmt ') {
      const fmt = Buffer.alloc(16);
      fs.readSync(fd, fmt, 0, 16, at + 8);
      byteRate = fmt.readUInt32LE(8);
    } else if (id === 'data') return byteRate > 0 ? len / byteRate : null;
    at += 8 + len + (len % 2);
  }
  return null;
}

export function mediaFacts(file: string, mediaType: string): Extraction {
  const out = emptyExtraction();
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let duration: number | null = null;
    try {
      if (/wav/.test(mediaType)) duration = wavDuration(fd, size);
      else if (/mp4|quicktime|m4a|m4v|3gpp/.test(mediaType)) duration = mp4Duration(fd, size);
    } catch {
      duration = null;
    }
    out.durationSeconds = duration !== null && Number.isFinite(duration) ? Math.round(duration * 1000) / 1000 : null;
  } finally {
    fs.closeSync(fd);
  }
  return out;
}
