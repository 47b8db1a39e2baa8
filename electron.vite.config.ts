// electron-vite: the three bundles of the desktop app, from our folders.
//   main     electron/main/index.ts     → out/main/index.js   (ESM: package is "type": "module")
//   preload  electron/preload/index.ts  → out/preload/index.cjs (CommonJS: sandboxed preloads cannot be ESM,
//                                         and everything is bundled in because a sandboxed preload can
//                                         require only 'electron' and a few Node built-ins)
//            electron/preload/customer.ts → out/preload/customer.cjs (the customer display's own preload:
//                                         the read-only slice; also self-contained, no shared chunk)
//   renderer app/index.html            → out/renderer          (served to the window as app://counter/)
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { build, type Plugin } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

// Native addons must stay real files next to their .node binaries (electron-builder unpacks them from asar).
const nativeModules = ['better-sqlite3', 'koffi', 'node-hid', 'serialport', /^@serialport\//]

/**
 * The customer display's preload, built as its own single file right after the
 * cashier's: a sandboxed preload cannot load a shared chunk, and one build with
 * two inputs would need one (rolldown refuses two inputs without code splitting).
 */
function customerPreload(): Plugin {
  return {
    name: 'counter:customer-preload',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir: resolve(root, 'out/preload'),
          emptyOutDir: false,
          minify: false,
          target: 'node22',
          lib: { entry: resolve(root, 'electron/preload/customer.ts'), formats: ['cjs'], fileName: () => 'customer.cjs' },
          rolldownOptions: { external: ['electron', /^node:/], output: { codeSplitting: false } },
        },
      })
    },
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The face SDK worker is its own entry: it runs in a utilityProcess next to index.js.
      lib: {
        entry: { index: resolve(root, 'electron/main/index.ts'), 'face-worker': resolve(root, 'native-bridge/face/face-worker.ts') },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: { external: nativeModules },
    },
  },
  preload: {
    plugins: [customerPreload()],
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  },
  renderer: {
    root: resolve(root, 'app'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2500,
      rolldownOptions: { input: resolve(root, 'app/index.html') },
    },
  },
})
