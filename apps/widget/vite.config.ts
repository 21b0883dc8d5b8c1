import { resolve } from 'node:path'
import { build, defineConfig, type InlineConfig } from 'vite'

/**
 * Two outputs in `dist/`: the storefront and kiosk pages (a multi-page app with hashed assets) and
 * `widget.js`, the embeddable widget as one self-contained IIFE file (built after the pages by the
 * plugin below, because a library build has a single entry and format).
 */
const folder = import.meta.dirname

const preactAliases = { react: 'preact/compat', 'react-dom': 'preact/compat' }

const widgetBuild: InlineConfig = {
  configFile: false,
  root: folder,
  logLevel: 'warn',
  resolve: { alias: preactAliases },
  build: {
    outDir: resolve(folder, 'dist'),
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    lib: {
      entry: resolve(folder, 'src/widget/main.ts'),
      formats: ['iife'],
      name: 'KedaiWidget',
      fileName: () => 'widget.js',
    },
  },
}

export const widgetConfiguration = defineConfig({
  root: folder,
  resolve: { alias: preactAliases },
  build: {
    outDir: resolve(folder, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: { index: resolve(folder, 'index.html'), kiosk: resolve(folder, 'kiosk.html') },
    },
  },
  plugins: [
    {
      name: 'kedai-build-widget-script',
      apply: 'build',
      async closeBundle() {
        await build(widgetBuild)
      },
    },
  ],
})

// Vite reads the default export of its configuration file; this is the one allowed default export.
// eslint-disable-next-line no-restricted-syntax
export default widgetConfiguration
