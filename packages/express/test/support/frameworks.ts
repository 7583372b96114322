/**
 * Every Express test runs on both majors the adapter supports: `describe.each(expressVersions)`.
 * `express4` is an npm alias of express@4; its API used here matches v5's typings.
 */
import express5 from 'express';
import express4 from 'express4';

export type ExpressFactory = typeof express5;
export type ExpressVersion = 'express 5' | 'express 4';

export const expressVersions: [ExpressVersion, ExpressFactory][] = [
  ['express 5', express5],
  ['express 4', express4 as ExpressFactory],
];
