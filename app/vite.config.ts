// Renderer build for the browser harness (`npm run build:web` → out/web).
// electron-vite builds the same app/ root for the Electron window.
/* eslint-disable no-restricted-imports -- this file runs in Node at build time, not in the renderer */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
})
