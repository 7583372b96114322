import { defineConfig } from 'tsup';

// The bin loads dist/main.js when the package is installed from a registry (no src/ shipped);
// inside the repository it runs src/ through tsx and needs no build.
export default defineConfig({
  entry: ['src/index.ts', 'src/main.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
