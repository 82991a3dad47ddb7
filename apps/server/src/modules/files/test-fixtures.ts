// Smallest byte strings that file-type recognises, shared by the tests of this module.
import fs from 'node:fs/promises';
import path from 'node:path';

export const bytesOf = (...parts: (string | number[] | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

export const pdf = (body = '1 0 obj\n<< /Type /Catalog >>\nendobj\n'): Buffer =>
  bytesOf('%PDF-1.4\n', body, 'trailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** Little-endian TIFF with one IFD holding one entry (ImageWidth = 1). */
function tiff(): Buffer {
  const b = Buffer.alloc(26);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(1, 8);
  b.writeUInt16LE(256, 10);
  b.writeUInt16LE(3, 12);
  b.writeUInt32LE(1, 14);
  b.writeUInt32LE(1, 18);
  return b;
}

export const ACCEPTED_SAMPLES = {
  'application/pdf': pdf(),
  'image/jpeg': bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0', Buffer.alloc(20)),
  'image/png': bytesOf(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
    'IHDR',
    Buffer.alloc(17),
  ),
  'image/tiff': tiff(),
};

export const REFUSED_SAMPLES = {
  'Windows executable': bytesOf('MZ', Buffer.alloc(100)),
  'ELF executable': bytesOf([0x7f], 'ELF', Buffer.alloc(60)),
  'ZIP archive': bytesOf('PK\x03\x04', Buffer.alloc(60)),
  HTML: bytesOf('<!DOCTYPE html><html><script>alert(1)</script></html>'),
  SVG: bytesOf('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'),
  'bare SVG': bytesOf('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
};

/** Every file under a folder, relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
