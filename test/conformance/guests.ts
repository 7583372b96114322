/** The conformance guests (guests/conformance), built from source by scripts/build-guests.mjs. */
export const INSPECT_GUEST = 'guests/conformance/inspect.wasm';
export const MUTATE_GUEST = 'guests/conformance/mutate.wasm';
export const PHASES_GUEST = 'guests/conformance/phases.wasm';
export const BAD_ARGUMENTS_GUEST = 'guests/conformance/bad-arguments.wasm';
export const START_SECTION_GUEST = 'guests/conformance/start-section.wasm';
export const WASI_COMMAND_GUEST = 'guests/conformance/wasi-command.wasm';
export const REACTOR_GUEST = 'guests/conformance/reactor.wasm';
export const PASSTHROUGH_GUEST = 'guests/conformance/passthrough.wasm';
