// A replacement for AssemblyScript's `abort` that needs no `env.abort` import. Select it with
//   --use abort=httpHandlerAbort
// It logs "abort: <message> at <file>:<line>:<column>" at error level through the host, then
// traps. It allocates nothing, because it may run when allocation itself failed.
import { log } from "./abi";
import { LOG_LEVEL_ERROR } from "./log";

const MESSAGE_LIMIT: u32 = 512;
const message = memory.data(<i32>MESSAGE_LIMIT);
let used: u32 = 0;

/** Appends `s`, one byte per UTF-16 unit: ASCII as is, anything else as "?". */
function appendText(s: string): void {
  for (let i = 0, k = s.length; i < k && used < MESSAGE_LIMIT; i++) {
    const c = s.charCodeAt(i);
    store<u8>(message + used++, c < 0x80 ? <u8>c : 0x3f);
  }
}

function appendNumber(n: u32): void {
  let digits: u32 = 1;
  for (let rest = n / 10; rest; rest /= 10) digits++;
  if (used + digits > MESSAGE_LIMIT) return;
  for (let i = digits; i > 0; i--) {
    store<u8>(message + used + i - 1, <u8>(0x30 + n % 10));
    n /= 10;
  }
  used += digits;
}

// @ts-ignore: decorator
@global export function httpHandlerAbort(
  msg: string | null,
  fileName: string | null,
  lineNumber: u32,
  columnNumber: u32,
): void {
  used = 0;
  appendText("abort: ");
  appendText(msg !== null ? changetype<string>(msg) : "(no message)");
  if (fileName !== null) {
    appendText(" at ");
    appendText(changetype<string>(fileName));
    appendText(":");
    appendNumber(lineNumber);
    appendText(":");
    appendNumber(columnNumber);
  }
  log(LOG_LEVEL_ERROR, message, used);
  unreachable();
}
