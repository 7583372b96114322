/**
 * Adds fuel metering to a module: an exported mutable i32 global holding the fuel left, an
 * imported `() -> ()` function the guest calls when it runs out, and a check at every function
 * entry and loop header. Adding the import renumbers every defined function, so every place
 * that names one is rewritten.
 */
import type { ModuleInfo } from '../module-info.js';
import { ByteReader } from './byte-reader.js';
import { uleb } from './byte-writer.js';
import { rewriteCode } from './code-section.js';
import { renumberElements } from './element-section.js';
import { InstrumentError } from './errors.js';
import { withGlobalExport } from './export-section.js';
import { fuelCheck } from './fuel-check.js';
import { withFuelGlobal } from './global-section.js';
import { withFunctionImport } from './import-section.js';
import { renumberNames } from './name-section.js';
import { afterImportAt } from './renumber.js';
import {
  SECTION_CODE, SECTION_CUSTOM, SECTION_ELEMENT, SECTION_EXPORT, SECTION_GLOBAL, SECTION_IMPORT, SECTION_START,
  SECTION_TABLE, SECTION_TYPE, findSection, putSection, type Section,
} from './sections.js';
import { renumberTables } from './table-section.js';
import { withEmptyFuncType } from './type-section.js';

export const FUEL_GLOBAL_EXPORT = '__dapr_wasm_fuel';
export const FUEL_IMPORT_MODULE = 'dapr_wasm';
export const FUEL_IMPORT_NAME = 'out_of_fuel';

/** Custom sections that point into code by function index and byte offset, which no longer hold. */
const CODE_METADATA_PREFIX = 'metadata.code.';

export function addFuelMetering(sections: Section[], info: ModuleInfo): Section[] {
  if (info.exports.some((e) => e.name === FUEL_GLOBAL_EXPORT)
    || info.imports.some((i) => i.module === FUEL_IMPORT_MODULE && i.name === FUEL_IMPORT_NAME)) {
    throw new InstrumentError(
      `cannot instrument guest: it already has ${FUEL_GLOBAL_EXPORT} or imports ${FUEL_IMPORT_MODULE}.${FUEL_IMPORT_NAME}`,
      'already-instrumented',
    );
  }
  const importedFunctions = info.imports.filter((i) => i.kind === 'function').length;
  const importedGlobals = info.imports.filter((i) => i.kind === 'global').length;
  const outOfFuel = importedFunctions; // appended after the existing imports
  const renumber = afterImportAt(outOfFuel);

  const type = withEmptyFuncType(findSection(sections, SECTION_TYPE)?.content);
  putSection(sections, SECTION_TYPE, type.content);
  putSection(sections, SECTION_IMPORT,
    withFunctionImport(findSection(sections, SECTION_IMPORT)?.content, FUEL_IMPORT_MODULE, FUEL_IMPORT_NAME, type.index));

  const globals = withFuelGlobal(findSection(sections, SECTION_GLOBAL)?.content, renumber);
  const fuelGlobal = importedGlobals + globals.defined;
  putSection(sections, SECTION_GLOBAL, globals.content);
  putSection(sections, SECTION_EXPORT,
    withGlobalExport(findSection(sections, SECTION_EXPORT)?.content, renumber, FUEL_GLOBAL_EXPORT, fuelGlobal));

  const start = findSection(sections, SECTION_START);
  if (start) {
    const index = new ByteReader(start.content, 0, start.content.length).uleb();
    putSection(sections, SECTION_START, new Uint8Array(uleb(renumber(index))));
  }
  const elements = findSection(sections, SECTION_ELEMENT);
  if (elements) putSection(sections, SECTION_ELEMENT, renumberElements(elements.content, renumber));
  const tables = findSection(sections, SECTION_TABLE);
  if (tables) putSection(sections, SECTION_TABLE, renumberTables(tables.content, renumber));
  const code = findSection(sections, SECTION_CODE);
  if (code) {
    const check = fuelCheck(fuelGlobal, outOfFuel);
    putSection(sections, SECTION_CODE, rewriteCode(code.content, { renumber, fuelCheck: check, firstDefined: importedFunctions }));
  }

  return sections.flatMap((s) => {
    if (s.id !== SECTION_CUSTOM) return [s];
    if (s.customName?.startsWith(CODE_METADATA_PREFIX)) return [];
    if (s.customName !== 'name') return [s];
    const content = renumberNames(s.content, renumber);
    return content ? [{ ...s, content, raw: undefined }] : [];
  });
}
