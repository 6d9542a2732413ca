// OLE compound files (the container of old .xls workbooks and of password-protected .xlsx):
// telling the two apart, so an encrypted workbook is not described as "maybe an old .xls".

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DIRECTORY_ENTRY = 128;
const STREAM = 2;
const ENCRYPTION_INFO = "EncryptionInfo";

export function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Whether the 128-byte slot at `at` is a directory entry for a stream named `name`. */
function isStreamEntry(view: DataView, at: number, name: string): boolean {
  // Name length in bytes, UTF-16 with its terminating NUL; then the object type.
  if (view.getUint16(at + 0x40, true) !== (name.length + 1) * 2 || view.getUint8(at + 0x42) !== STREAM) return false;
  for (let i = 0; i < name.length; i++) if (view.getUint16(at + 2 * i, true) !== name.charCodeAt(i)) return false;
  return view.getUint16(at + 2 * name.length, true) === 0;
}

/**
 * Whether an OLE file holds an `EncryptionInfo` stream, which is how Office stores a workbook
 * saved with a password. Directory entries are 128-byte records aligned to sectors, so every
 * aligned slot after the 512-byte header is tried instead of following the allocation chains:
 * an exact name, name length and type at fixed offsets does not occur by chance.
 */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  if (!isOleFile(bytes)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 512; at + DIRECTORY_ENTRY <= bytes.length; at += DIRECTORY_ENTRY) {
    if (isStreamEntry(view, at, ENCRYPTION_INFO)) return true;
  }
  return false;
}
