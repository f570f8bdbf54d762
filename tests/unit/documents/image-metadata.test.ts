/**
 * Metadata is read on its own, before and regardless of decoding pixels: a JPEG whose EXIF and XMP
 * were written by libvips (sharp's withExif/withXmp, a writer we did not write), then cut short so
 * libvips cannot draw it, is stored with its date, camera, GPS, caption and creator, and a reason
 * in our words, not libvips' own message.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
let src: string;
let photo: Buffer;

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator><rdf:Seq><rdf:li>Li Wei</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** Offset just past the segment with the given marker (APP1 = 0xe1), walking the JPEG's segments. */
function segmentEnd(jpeg: Buffer, marker: number): number {
  let i = 2;
  while (i + 4 <= jpeg.length) {
    const m = jpeg[i + 1]!;
    const end = i + 2 + jpeg.readUInt16BE(i + 2);
    if (m === marker) return end;
    i = end;
  }
  throw new Error(`no segment ${marker.toString(16)}`);
}

beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-image-meta-');
  photo = await sharp({
    create: {
      width: 640,
      height: 480,
      channels: 3,
      background: '#6a8',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS 5D', ImageDescription: 'Delegation at West Lake' },
      IFD2: { DateTimeOriginal: '2018:09:14 10:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 9/1 0/1' },
    })
    .withXmp(XMP)
    .toBuffer();
});
afterAll(async () => {
  await lib.close();
});

async function importBytes(name: string, bytes: Buffer) {
  const file = path.join(src, name);
  fs.writeFileSync(file, bytes);
  const { jobs } = await importAndWait(lib, { paths: [file] });
  const imported = jobs.find((j) => j.kind === 'import')!;
  expect(imported.status, imported.error ?? '').toBe('done');
  const { recordId, fileId } = imported.result as { recordId: number; fileId: number };
  return {
    info: await lib.ok('fileInfo', { id: fileId }),
    record: await lib.ok('getRecord', { id: recordId }),
    extract: jobs.find((j) => j.kind === 'extract')!,
  };
}

const FACTS = {
  dateTaken: '2018-09-14',
  camera: 'Canon EOS 5D',
  description: 'Delegation at West Lake',
  creator: 'Li Wei',
  gps: { latitude: 30.25, longitude: 120.15 },
};

describe('image metadata on its own', () => {
  it('the whole photo: drawn, and its facts read', async () => {
    const r = await importBytes('whole.jpg', photo);
    expect(r.info).toMatchObject({ mediaType: 'image/jpeg', width: 640, height: 480, metadata: FACTS });
    expect(r.info.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('cut in its picture data: not drawn, but every fact kept, the date suggested, a reason in our words', async () => {
    const cut = photo.subarray(0, Math.floor(photo.length * 0.6));
    await expect(sharp(cut).png().toBuffer()).rejects.toThrow(); // libvips really cannot draw it
    const r = await importBytes('cut-in-pixels.jpg', cut);
    expect(r.extract.status).toBe('done');
    expect(r.info).toMatchObject({ mediaType: 'image/jpeg', textStatus: 'failed', metadata: FACTS });
    expect(r.info.textError).toBe(
      'the image cannot be decoded: the file ends before its picture does (it is truncated); its embedded metadata was kept',
    );
    expect(r.info.textError).not.toMatch(/vips|jpeg2png|target|premature/i);
    expect(r.record.date).toBe('2018-09-14');
  });

  it('cut right after its metadata: not even its size is known, its facts still are', async () => {
    const cut = photo.subarray(0, segmentEnd(photo, 0xe1) + 8);
    await expect(sharp(cut).metadata()).rejects.toThrow();
    const r = await importBytes('cut-after-exif.jpg', cut);
    expect(r.info).toMatchObject({ textStatus: 'failed', width: null, height: null });
    expect(r.info.metadata).toMatchObject({ dateTaken: '2018-09-14', camera: 'Canon EOS 5D', gps: FACTS.gps });
    expect(r.info.textError).toMatch(/^the image cannot be read: .*; its embedded metadata was kept$/);
    expect(r.info.textError).not.toMatch(/vips|target/i);
    expect(r.record.date).toBe('2018-09-14');
  });
});
