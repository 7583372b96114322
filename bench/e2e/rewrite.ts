/**
 * What every end-to-end variant must do, and the hand-written JS twin of bench/guests/rewrite.wat:
 * a request-target starting with "/api/" becomes "/v1/" + the rest, and the response gets
 * "x-rewritten: 1". The load generator asks for /api/hello; only a rewritten request reaches the
 * app's /v1/hello route, so a variant that stops rewriting answers 404 and fails the run.
 */
export const LOAD_PATH = '/api/hello';
/** The bare variant has no rewrite, so it is asked for the route directly. */
export const BARE_PATH = '/v1/hello';
export const APP_ROUTE = '/v1/hello';
export const APP_BODY = 'hello from the app';
export const REWRITE_HEADER = 'x-rewritten';

export function rewriteTarget(target: string): string {
  return target.startsWith('/api/') ? '/v1/' + target.slice(5) : target;
}

export type Variant = 'bare' | 'js' | 'wasm';
export const variants: readonly Variant[] = ['bare', 'js', 'wasm'];

export function loadPath(variant: Variant): string {
  return variant === 'bare' ? BARE_PATH : LOAD_PATH;
}
