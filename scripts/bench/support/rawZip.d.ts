// Types of scripts/bench/support/rawZip.js (a plain script so the benches can use it unbuilt).

export interface RawMember {
  name: string;
  /** The member's bytes as stored (already deflated when method is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  crc32: number;
  uncompressedSize: number;
}

export function deflated(name: string, content: Uint8Array | string): RawMember;
export function stored(name: string, content: Uint8Array | string): RawMember;
export function unzipParts(bytes: Uint8Array): Promise<Map<string, Buffer>>;
export function writeZip(members: RawMember[]): Buffer;
export function repeatedDeflate(megabytes: number, fill?: number): Buffer;
export function bombMember(name: string, megabytes: number, fill?: number): RawMember;
