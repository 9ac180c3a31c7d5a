import type { AutomatonTables } from './automaton';

/** The first four bytes of a serialised rulebook ("SDPE": Seatdesk phrase engine). */
const magic = 0x45504453;
/** Bumped whenever the tables' meaning changes; older bytes are refused, not misread. */
export const serializationVersion = 1;

type ArrayName =
  | 'symbolOf'
  | 'astralCodePoints'
  | 'astralSymbols'
  | 'wordBits'
  | 'markBits'
  | 'transitions'
  | 'outputRecords'
  | 'patternRule'
  | 'patternLength'
  | 'patternFlag'
  | 'ruleBlocks'
  | 'ruleExceptionReach';

const arrayKinds = {
  symbolOf: Uint16Array,
  astralCodePoints: Int32Array,
  astralSymbols: Int32Array,
  wordBits: Uint32Array,
  markBits: Uint32Array,
  transitions: Int32Array,
  outputRecords: Int32Array,
  patternRule: Int32Array,
  patternLength: Int32Array,
  patternFlag: Uint8Array,
  ruleBlocks: Uint8Array,
  ruleExceptionReach: Int32Array,
} as const;

const arrayNames = Object.keys(arrayKinds) as ArrayName[];

type Header = { longestPattern: number; stateCount: number; ruleIds: string[]; lengths: Record<ArrayName, number> };

function alignedToFour(length: number): number {
  return (length + 3) & ~3;
}

/**
 * Lays the tables out as `magic, version, header length, header JSON, arrays…`, each array at
 * a four-byte boundary so loading creates views on the bytes instead of copying them.
 */
export function serializeTables(tables: AutomatonTables): Uint8Array {
  const lengths = Object.fromEntries(arrayNames.map((name) => [name, tables[name].length])) as Record<ArrayName, number>;
  const header: Header = { longestPattern: tables.longestPattern, stateCount: tables.stateCount, ruleIds: [...tables.ruleIds], lengths };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  let size = 12 + alignedToFour(headerBytes.length);
  for (const name of arrayNames) size += alignedToFour(tables[name].byteLength);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, serializationVersion, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  let offset = 12 + alignedToFour(headerBytes.length);
  for (const name of arrayNames) {
    const array = tables[name];
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += alignedToFour(array.byteLength);
  }
  return bytes;
}

/** Reads {@link serializeTables}'s bytes; throws a clear error on anything else. */
export function deserializeTables(input: Uint8Array): AutomatonTables {
  // Views need four-byte alignment (and a little-endian machine, which every desk is).
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < 12) throw new Error('Not a compiled phrase rulebook (too short).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== magic) throw new Error('Not a compiled phrase rulebook.');
  const version = view.getUint32(4, true);
  if (version !== serializationVersion) throw new Error(`Compiled phrase rulebook version ${version} is not ${serializationVersion}; recompile it.`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.byteLength) throw new Error('Compiled phrase rulebook is truncated.');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  let offset = bytes.byteOffset + 12 + alignedToFour(headerLength);
  const arrays: Partial<Record<ArrayName, ArrayBufferView>> = {};
  for (const name of arrayNames) {
    const Kind = arrayKinds[name];
    const length = header.lengths[name];
    const byteLength = length * Kind.BYTES_PER_ELEMENT;
    if (offset - bytes.byteOffset + byteLength > bytes.byteLength) throw new Error('Compiled phrase rulebook is truncated.');
    arrays[name] = new Kind(bytes.buffer as ArrayBuffer, offset, length);
    offset += alignedToFour(byteLength);
  }
  const loaded = arrays as Record<ArrayName, never>;
  // The same properties in the same order as a compiled rulebook, so the scan loop sees one shape.
  return {
    symbolOf: loaded.symbolOf,
    astralCodePoints: loaded.astralCodePoints,
    astralSymbols: loaded.astralSymbols,
    wordBits: loaded.wordBits,
    markBits: loaded.markBits,
    transitions: loaded.transitions,
    stateCount: header.stateCount,
    outputRecords: loaded.outputRecords,
    patternRule: loaded.patternRule,
    patternLength: loaded.patternLength,
    patternFlag: loaded.patternFlag,
    ruleBlocks: loaded.ruleBlocks,
    ruleExceptionReach: loaded.ruleExceptionReach,
    longestPattern: header.longestPattern,
    ruleIds: header.ruleIds,
  };
}
