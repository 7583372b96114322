import type { WasmComponent } from './types.js';

/** The middleware options every adapter (Express, Koa, Hono) takes for one guest. */
export interface WasmMiddlewareOptions {
  /** Absolute `file:` URL or `http(s):` URL of the guest module. */
  url: string;
  /** Text the guest reads with `get_config`. */
  guestConfig: string;
  /** Deterministic randomness and a fake clock that moves 1 ms per read. */
  strictSandbox: boolean;
  /** The Component's name, for logs and errors. */
  name: string;
}

/** The adapter options for one loaded Component. */
export function componentToOptions(component: WasmComponent): WasmMiddlewareOptions {
  return {
    url: component.url,
    guestConfig: component.guestConfig,
    strictSandbox: component.strictSandbox,
    name: component.name,
  };
}
