/**
 * Colour for a terminal, plain text for a pipe or a CI log (and whenever NO_COLOR is set), so the
 * demo's output reads well in both places.
 */
const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;

const style = (open: number, close: number) => (text: string) => (useColour ? `\x1b[${open}m${text}\x1b[${close}m` : text);

export const bold = style(1, 22);
export const dim = style(2, 22);
export const red = style(31, 39);
export const green = style(32, 39);
export const yellow = style(33, 39);
export const cyan = style(36, 39);
export const magenta = style(35, 39);

export const PASS = green('✓');
export const FAIL = red('✗');
