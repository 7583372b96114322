/**
 * The code charged at every function entry and loop header:
 *
 *   global.get $fuel  i32.const 1  i32.sub  global.set $fuel
 *   global.get $fuel  i32.const 0  i32.lt_s
 *   if  call $out_of_fuel  end
 *
 * It leaves the operand stack as it found it, so it is valid at any of those points, including
 * the head of a loop whose parameters are already on the stack.
 */
import { ByteWriter } from './byte-writer.js';

const GLOBAL_GET = 0x23;
const GLOBAL_SET = 0x24;
const I32_CONST = 0x41;
const I32_SUB = 0x6b;
const I32_LT_S = 0x48;
const IF = 0x04;
const EMPTY_BLOCK = 0x40;
const CALL = 0x10;
const END = 0x0b;

export function fuelCheck(fuelGlobal: number, outOfFuel: number): Uint8Array {
  return new ByteWriter(24)
    .byte(GLOBAL_GET).uleb(fuelGlobal).byte(I32_CONST).byte(1).byte(I32_SUB).byte(GLOBAL_SET).uleb(fuelGlobal)
    .byte(GLOBAL_GET).uleb(fuelGlobal).byte(I32_CONST).byte(0).byte(I32_LT_S)
    .byte(IF).byte(EMPTY_BLOCK).byte(CALL).uleb(outOfFuel).byte(END)
    .finish();
}
