// Package entry for `import { ... } from "@dapr-wasm/guest"`: asc 0.28 resolves a bare package
// import to <package>/index.ts and ignores package.json, so this file forwards to the sources.
export * from "./assembly/index";
