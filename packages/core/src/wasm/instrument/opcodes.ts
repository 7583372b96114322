/**
 * What follows each opcode, so the decoder can step over every instruction. Tables follow the
 * binary format of the core spec (MVP, sign extension, saturating truncation, bulk memory,
 * reference types, multi-value, SIMD and relaxed SIMD, tail calls, threads, exception handling
 * in its legacy and `try_table` forms, typed function references, multi-memory, memory64).
 * Opcodes absent here (the GC proposal's 0xFB prefix, future extensions) are unknown on purpose:
 * stepping over an instruction whose immediates we guess wrong would corrupt the guest.
 */

/** Immediates of an opcode. */
export const UNKNOWN = 0;
export const NONE = 1;
/** `block`, `if`, `try`: a block type, and a nested sequence follows. */
export const BLOCK = 2;
/** `loop`: a block type; the fuel check goes right after it. */
export const LOOP = 3;
/** `end`. */
export const END = 4;
/** `delegate l`: closes a `try` like `end`, with a label. */
export const DELEGATE = 5;
/** One LEB128 integer (an index, a signed constant, a heap type). */
export const LEB = 6;
export const LEB2 = 7;
/** A function index: `call`, `return_call`, `ref.func`. */
export const FUNC = 8;
export const BR_TABLE = 9;
/** `select t*`: a vector of value types. */
export const SELECT_T = 10;
/** Alignment (with the multi-memory flag), optional memory index, offset. */
export const MEMARG = 11;
export const BYTES4 = 12;
export const BYTES8 = 13;
/** `try_table bt catch*`: opens a block. */
export const TRY_TABLE = 14;
export const PREFIX_FC = 15;
export const PREFIX_FD = 16;
export const PREFIX_FE = 17;
/** SIMD `v128.const` and `i8x16.shuffle`. */
export const BYTES16 = 18;
/** SIMD lane index: one byte. */
export const LANE = 19;
export const MEMARG_LANE = 20;
/** `atomic.fence`: one reserved zero byte. */
export const BYTE = 21;

function table(size: number, entries: [kind: number, opcodes: (number | [from: number, to: number])[]][]): Uint8Array {
  const t = new Uint8Array(size);
  for (const [kind, opcodes] of entries) {
    for (const op of opcodes) {
      if (typeof op === 'number') t[op] = kind;
      else for (let i = op[0]; i <= op[1]; i++) t[i] = kind;
    }
  }
  return t;
}

export const SINGLE_BYTE = table(256, [
  [NONE, [0x00, 0x01, 0x05, 0x0a, 0x0f, 0x19, 0x1a, 0x1b, [0x45, 0xc4], 0xd1, 0xd3, 0xd4]],
  [BLOCK, [0x02, 0x04, 0x06]],
  [LOOP, [0x03]],
  [END, [0x0b]],
  [DELEGATE, [0x18]],
  [LEB, [
    0x07, 0x08, 0x09, // catch, throw, rethrow
    0x0c, 0x0d, // br, br_if
    0x14, 0x15, // call_ref, return_call_ref
    [0x20, 0x26], // local.*, global.*, table.get, table.set
    0x3f, 0x40, // memory.size, memory.grow (memory index)
    0x41, 0x42, // i32.const, i64.const
    0xd0, // ref.null heaptype
    0xd5, 0xd6, // br_on_null, br_on_non_null
  ]],
  [LEB2, [0x11, 0x13]], // call_indirect, return_call_indirect
  [FUNC, [0x10, 0x12, 0xd2]], // call, return_call, ref.func
  [BR_TABLE, [0x0e]],
  [SELECT_T, [0x1c]],
  [MEMARG, [[0x28, 0x3e]]],
  [BYTES4, [0x43]],
  [BYTES8, [0x44]],
  [TRY_TABLE, [0x1f]],
  [PREFIX_FC, [0xfc]],
  [PREFIX_FD, [0xfd]],
  [PREFIX_FE, [0xfe]],
]);

/** 0xFC: saturating truncation, bulk memory, table instructions. */
export const PREFIXED_FC = table(18, [
  [NONE, [[0, 7]]],
  [LEB2, [8, 10, 12, 14]], // memory.init, memory.copy, table.init, table.copy
  [LEB, [9, 11, 13, 15, 16, 17]], // data.drop, memory.fill, elem.drop, table.grow/size/fill
]);

/** 0xFD: fixed-width SIMD, then relaxed SIMD from 0x100. */
export const PREFIXED_FD = table(0x114, [
  [MEMARG, [[0, 11], 92, 93]],
  [BYTES16, [12, 13]],
  [LANE, [[21, 34]]],
  [MEMARG_LANE, [[84, 91]]],
  [NONE, [
    [14, 20], [35, 83], [94, 153], [155, 161], 163, 164, [167, 174], 177, [181, 186], [188, 193],
    195, 196, [199, 206], 209, [213, 225], [227, 237], [239, 255], [0x100, 0x113],
  ]],
]);

/** 0xFE: threads (atomic memory accesses, wait/notify, fence). */
export const PREFIXED_FE = table(0x4f, [
  [MEMARG, [[0x00, 0x02], [0x10, 0x4e]]],
  [BYTE, [0x03]],
]);
