/**
 * Where a scaffolded project gets assemblyscript, @dapr-wasm/guest and @dapr-wasm/cli.
 *
 * The packages are not on a registry yet, so inside this repository the project depends on them
 * by `file:` (npm and pnpm both link such a directory), and by default is given a node_modules of
 * symlinks to the repository's own installed packages: it builds and tests at once, offline.
 * Outside a checkout the dependencies are registry versions and `npm install` fetches them.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot, packageVersion } from '../package-info.js';
import type { LocalPackages } from './link-modules.js';

export const ASSEMBLYSCRIPT_RANGE = '^0.28.20';

export interface DependencySources {
  /** package.json specs: `file:<relative dir>` or a version range. */
  readonly specs: Readonly<Record<'assemblyscript' | '@dapr-wasm/guest' | '@dapr-wasm/cli', string>>;
  /** Directories to link into node_modules; present only when every package is on this disk. */
  readonly local: LocalPackages | undefined;
}

function packageName(dir: string): string | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  } catch {
    return undefined;
  }
}

/** The repository's packages/guest, beside this package, when the CLI runs from a checkout. */
export function bundledSdk(): string | undefined {
  const dir = resolve(packageRoot, '..', 'guest');
  return !packageRoot.split(sep).includes('node_modules') && packageName(dir) === '@dapr-wasm/guest' ? dir : undefined;
}

/** assemblyscript as installed for this checkout (its real directory, so its own deps resolve). */
function installedAssemblyScript(): string | undefined {
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'assemblyscript');
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The checkout holding this package: packages/cli's grandparent. */
const checkout = resolve(packageRoot, '..', '..');

/**
 * `file:` spec for a local package: relative inside the checkout (the pair moves together),
 * absolute for a project elsewhere (a relative path out of /tmp says nothing to a reader).
 */
function fileSpec(project: string, dir: string): string {
  const inside = !relative(checkout, project).startsWith('..');
  return `file:${inside ? relative(project, dir).split(sep).join('/') || '.' : dir}`;
}

/**
 * `sdk` is a directory holding @dapr-wasm/guest (relative to `cwd`), a version range, or undefined
 * for the default: this checkout's packages/guest if there is one, else the registry version
 * matching the CLI.
 */
export function dependencySources(project: string, sdk: string | undefined, cwd: string): DependencySources {
  let sdkDir: string | undefined;
  let sdkSpec: string;
  if (sdk === undefined) {
    sdkDir = bundledSdk();
    sdkSpec = sdkDir ? fileSpec(project, sdkDir) : `^${packageVersion}`;
  } else if (existsSync(resolve(cwd, sdk)) || /^(\.{1,2}[\\/]|[\\/]|[a-zA-Z]:)/.test(sdk)) {
    sdkDir = resolve(cwd, sdk);
    if (packageName(sdkDir) !== '@dapr-wasm/guest') throw new Error(`--sdk ${sdk}: ${sdkDir} does not hold @dapr-wasm/guest`);
    sdkSpec = fileSpec(project, sdkDir);
  } else {
    sdkSpec = sdk;
  }
  const cliIsLocal = !packageRoot.split(sep).includes('node_modules') && existsSync(join(packageRoot, 'src'));
  const assemblyscript = installedAssemblyScript();
  return {
    specs: {
      assemblyscript: ASSEMBLYSCRIPT_RANGE,
      '@dapr-wasm/guest': sdkSpec,
      '@dapr-wasm/cli': cliIsLocal ? fileSpec(project, packageRoot) : `^${packageVersion}`,
    },
    local: sdkDir && cliIsLocal && assemblyscript ? { assemblyscript, sdk: sdkDir, cli: packageRoot } : undefined,
  };
}
