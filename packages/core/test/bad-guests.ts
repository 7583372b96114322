/**
 * Guests the host must refuse when the middleware is created, each with the error it must give:
 * the class, its stable code, the phase, the culprit and what the message must name. Shared by the
 * core's own test and the adapters' (a bad guest fails the same way through every adapter).
 */
import {
  GuestCompileError, GuestInstantiateError, GuestLinkError, type DaprWasmError, type Phase,
} from '@dapr-wasm/core';
import { builtGuest, wat } from './wat.js';

export interface BadGuest {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
  readonly error: new (...args: never[]) => DaprWasmError;
  readonly code: string;
  readonly phase: Phase;
  readonly culprit?: string;
  /** Every one must match the message. */
  readonly message: readonly RegExp[];
  /** For link errors: every import the host does not provide, in order. */
  readonly missing?: readonly string[];
}

const guest = (body: string) => () => wat(`(module ${body})`);
const exportsOk = `
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32))`;
const compile = { error: GuestCompileError, code: 'DAPR_WASM_COMPILE', phase: 'compile' } as const;
const link = { error: GuestLinkError, code: 'DAPR_WASM_LINK', phase: 'link' } as const;
const instantiate = { error: GuestInstantiateError, code: 'DAPR_WASM_INSTANTIATE', phase: 'instantiate' } as const;

const built = () => builtGuest('guests/conformance/inspect.wasm');

export const badGuests: readonly BadGuest[] = [
  {
    name: 'not wasm at all',
    bytes: async () => new TextEncoder().encode('#!/bin/sh\necho this is not a WebAssembly module\n'),
    ...compile,
    message: [/not a WebAssembly module/, /bad magic number/],
  },
  {
    name: 'too short to be wasm',
    bytes: async () => built().subarray(0, 4),
    ...compile,
    message: [/not a WebAssembly module/, /only 4 bytes/],
  },
  {
    name: 'a truncated module',
    bytes: async () => built().subarray(0, Math.floor(built().length / 2)),
    ...compile,
    message: [/failed to compile/],
  },
  {
    name: 'a module whose last section is cut short',
    bytes: async () => built().subarray(0, built().length - 3),
    ...compile,
    message: [/failed to compile/],
  },
  {
    name: 'no handle_request export',
    bytes: guest(`(memory (export "memory") 1) (func (export "handle_response") (param i32 i32))`),
    ...compile,
    culprit: 'handle_request',
    message: [/doesn't export func\[handle_request\]/],
  },
  {
    name: 'no handle_response export',
    bytes: guest(`(memory (export "memory") 1) (func (export "handle_request") (result i64) (i64.const 0))`),
    ...compile,
    culprit: 'handle_response',
    message: [/doesn't export func\[handle_response\]/],
  },
  {
    name: 'no memory export',
    bytes: guest(`(memory 1) (func (export "handle_request") (result i64) (i64.const 0)) (func (export "handle_response") (param i32 i32))`),
    ...compile,
    culprit: 'memory',
    message: [/doesn't export memory\[memory\]/],
  },
  {
    name: 'handle_request exported as a global, not a function',
    bytes: guest(`(memory (export "memory") 1) (global (export "handle_request") i64 (i64.const 1)) (func (export "handle_response") (param i32 i32))`),
    ...compile,
    culprit: 'handle_request',
    message: [/doesn't export func\[handle_request\]/],
  },
  {
    name: 'handle_request taking a parameter',
    bytes: guest(`(memory (export "memory") 1) (func (export "handle_request") (param i32) (result i64) (i64.const 1)) (func (export "handle_response") (param i32 i32))`),
    ...compile,
    culprit: 'handle_request',
    message: [/wrong signature for func\[handle_request\]/, /\(i32\) -> i64/, /should be \(\) -> i64/],
  },
  {
    name: 'handle_request returning i32',
    bytes: guest(`(memory (export "memory") 1) (func (export "handle_request") (result i32) (i32.const 1)) (func (export "handle_response") (param i32 i32))`),
    ...compile,
    culprit: 'handle_request',
    message: [/wrong signature for func\[handle_request\]/, /\(\) -> i32/, /should be \(\) -> i64/],
  },
  {
    name: 'handle_response with one parameter',
    bytes: guest(`(memory (export "memory") 1) (func (export "handle_request") (result i64) (i64.const 1)) (func (export "handle_response") (param i32))`),
    ...compile,
    culprit: 'handle_response',
    message: [/wrong signature for func\[handle_response\]/, /\(i32\) -> \(\)/, /should be \(i32, i32\) -> \(\)/],
  },
  {
    name: 'handle_response returning a value',
    bytes: guest(`(memory (export "memory") 1) (func (export "handle_request") (result i64) (i64.const 1)) (func (export "handle_response") (param i32 i32) (result i32) (i32.const 0))`),
    ...compile,
    culprit: 'handle_response',
    message: [/wrong signature for func\[handle_response\]/, /\(i32, i32\) -> i32/, /should be \(i32, i32\) -> \(\)/],
  },
  {
    name: 'three imports the host does not provide',
    bytes: guest(`
      (import "http_handler" "get_request_header" (func (param i32 i32 i32 i32) (result i64)))
      (import "env" "abort" (func (param i32 i32 i32 i32)))
      (import "http_handler" "get_uri" (func (param i32 i32) (result i32)))
      (import "other" "thing" (func))
      ${exportsOk}`),
    ...link,
    culprit: 'http_handler.get_request_header',
    missing: ['http_handler.get_request_header', 'env.abort', 'other.thing'],
    message: [/3 thing\(s\)/, /http_handler\.get_request_header/, /env\.abort/, /other\.thing/],
  },
  {
    name: 'a host function imported with the wrong signature',
    bytes: guest(`(import "http_handler" "get_uri" (func (param i32) (result i32))) ${exportsOk}`),
    ...link,
    culprit: 'http_handler.get_uri',
    missing: ['http_handler.get_uri'],
    message: [/http_handler\.get_uri/, /imported as \(i32\) -> i32/, /host provides \(i32, i32\) -> i32/],
  },
  {
    name: 'an imported memory',
    bytes: guest(`(import "env" "memory" (memory 1))
      (export "memory" (memory 0))
      (func (export "handle_request") (result i64) (i64.const 1))
      (func (export "handle_response") (param i32 i32))`),
    ...link,
    culprit: 'env.memory',
    missing: ['env.memory'],
    message: [/env\.memory/, /memory imports are not provided/],
  },
  {
    name: 'a trapping _start',
    bytes: guest(`${exportsOk} (func (export "_start") unreachable)`),
    ...instantiate,
    culprit: '_start',
    message: [/_start/, /unreachable/],
  },
  {
    name: 'a _start ending in proc_exit(1)',
    bytes: guest(`(import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      ${exportsOk} (func (export "_start") (call $exit (i32.const 1)))`),
    ...instantiate,
    culprit: '_start',
    message: [/_start/, /proc_exit\(1\)/],
  },
  {
    name: 'a trapping _initialize',
    bytes: guest(`${exportsOk} (func (export "_initialize") unreachable)`),
    ...instantiate,
    culprit: '_initialize',
    message: [/_initialize/, /unreachable/],
  },
  {
    name: 'a trapping start section',
    bytes: guest(`${exportsOk} (func $boom unreachable) (start $boom)`),
    ...instantiate,
    culprit: 'start function',
    message: [/start function/, /unreachable/],
  },
  {
    name: 'a start section that traps after calling the host',
    bytes: guest(`(import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
      ${exportsOk}
      (func $init (if (i32.eqz (call $get_config (i32.const 0) (i32.const 0))) (then unreachable)))
      (start $init)`),
    ...instantiate,
    culprit: 'start function',
    message: [/start function/],
  },
];
