/**
 * A look at an XLSX file's ZIP central directory before it is unpacked: a small upload can
 * declare gigabytes of content (a "zip bomb"). The declared sizes are what ZIP readers allocate
 * for; a file lying about them still fails later, when its content does not match.
 * Format: PKWARE APPNOTE.TXT 6.3, §4.3.12 (central directory header), §4.3.16 (end record).
 */

/** Most content a workbook may declare, unpacked. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** Why the bytes are not a workbook Lantern will unpack, or null when they may be. */
export function checkZipSizes(bytes: Buffer): string | null {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) {
    return 'the file is not an XLSX workbook';
  }
  // The end record is the last 22 bytes, followed by a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'the file is not an XLSX workbook';
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES) return 'the workbook has too many parts';
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      return 'the file is not an XLSX workbook';
    }
    // 0xFFFFFFFF means the size is in a ZIP64 field: far beyond any workbook we take anyway.
    total += bytes.readUInt32LE(at + 24);
    if (total > MAX_UNPACKED_BYTES) return 'the workbook unpacks to more than 256 MiB';
    at +=
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return null;
}
