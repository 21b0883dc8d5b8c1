import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** The agent console: one page served by the server at `/console/` (assets under `/console/assets/`). */
const folder = import.meta.dirname

export const consoleConfiguration = defineConfig({
  root: folder,
  base: '/console/',
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: resolve(folder, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
  },
})

// Vite reads the default export of its configuration file; this is the one allowed default export.
// eslint-disable-next-line no-restricted-syntax
export default consoleConfiguration
