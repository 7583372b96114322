/**
 * What the host accepts from a guest before it reaches an HTTP server. Values are checked like
 * client input: a guest must not be able to inject CR/LF/NUL into a response or a request line.
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Field values: visible ASCII, obs-text, SP and HTAB; never CR, LF or NUL.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// A request-target in origin or absolute form: no whitespace, no controls.
const REQUEST_TARGET = /^[\x21-\x7e\x80-\xff]+$/;

export const isToken = (s: string): boolean => TOKEN.test(s);
export const isFieldValue = (s: string): boolean => FIELD_VALUE.test(s);
export const isRequestTarget = (s: string): boolean => REQUEST_TARGET.test(s);

/**
 * A status the guest may send as the final response: 200-599. A 1xx is interim, not final (Node
 * would send it and leave the client waiting), and a Web Response refuses anything outside 200-599.
 */
export const isStatusCode = (n: number): boolean => Number.isInteger(n) && n >= 200 && n <= 599;

/**
 * The URI a guest sees: origin-form, query included, never decoded, no fragment; "/" when empty. An
 * absolute-form target (proxy requests) is reduced to its path and query, as Go's host does.
 */
export function originForm(target: string): string {
  // A fragment never reaches a router (Express, Koa and Hono all cut it off), so the guest must not
  // see one either: a guest matching `/admin` exactly would otherwise be bypassed by `/admin#x`.
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  if (target === '') return '/';
  if (target[0] === '/' || target === '*') return target;
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/.exec(target);
  if (scheme) {
    const rest = target.slice(scheme[0].length);
    return rest === '' || rest[0] === '?' ? '/' + rest : rest;
  }
  return target;
}
