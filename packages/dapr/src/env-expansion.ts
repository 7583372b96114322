/**
 * Go's os.ExpandEnv, which Dapr runs over the whole Configuration file before parsing it:
 * - `$NAME` takes the longest run of ASCII letters, digits and `_`;
 * - `${NAME}` takes everything up to the closing brace, so `${A:-x}` looks up "A:-x" (no defaults);
 * - `$` followed by one of `*#$@!?-` or a digit names that one-character variable;
 * - an unset variable becomes the empty string;
 * - `${}` and an unclosed `${` vanish; a `$` followed by nothing nameable (or at the end) stays.
 *
 * `onMissing` hears each name that had no value, so the caller can warn about it.
 */
export function expandEnv(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  onMissing: (name: string) => void = () => {},
): string {
  let out = '';
  let copied = 0;
  for (let j = 0; j < text.length; j++) {
    if (text[j] !== '$' || j + 1 >= text.length) continue;
    out += text.slice(copied, j);
    const { name, width } = shellName(text.slice(j + 1));
    if (name === '' && width === 0) out += '$';
    else if (name !== '') {
      const value = env[name];
      if (value === undefined) onMissing(name);
      out += value ?? '';
    }
    j += width;
    copied = j + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const isSpecial = (c: string | undefined): boolean => c !== undefined && '*#$@!?-0123456789'.includes(c);
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

function shellName(s: string): { name: string; width: number } {
  if (s[0] === '{') {
    if (s.length > 2 && isSpecial(s[1]) && s[2] === '}') return { name: s[1]!, width: 3 };
    const close = s.indexOf('}', 1);
    if (close === 1) return { name: '', width: 2 };
    if (close === -1) return { name: '', width: 1 };
    return { name: s.slice(1, close), width: close + 1 };
  }
  if (isSpecial(s[0])) return { name: s[0]!, width: 1 };
  let i = 0;
  while (isNameChar(s[i])) i++;
  return { name: s.slice(0, i), width: i };
}
