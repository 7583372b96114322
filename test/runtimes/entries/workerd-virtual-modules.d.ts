// The modules worker-bundle.ts generates while bundling entries/workerd-worker.ts.
declare module 'runtime-app:factory' {
  import type { AppFactory } from '../app-contract.js';
  const createApp: AppFactory;
  export default createApp;
}

declare module 'runtime-app:guests' {
  export const guests: Record<string, WebAssembly.Module>;
  export const config: unknown;
}
