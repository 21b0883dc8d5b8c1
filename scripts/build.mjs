// Builds what `npm start` runs: the server bundled by esbuild into apps/server/dist/main.js (plain
// Node, no TypeScript loader at run time, which halves the idle memory) and, when present, the
// widget and console with Vite. With --if-stale, skips every part whose output is newer than its
// sources, so a later start costs only a few file-time checks.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const onlyIfStale = process.argv.includes('--if-stale')

function newestModification(paths) {
  let newest = 0
  const visit = (path) => {
    if (!existsSync(path)) return
    const status = statSync(path)
    if (status.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry === 'dist') continue
        visit(join(path, entry))
      }
    } else if (status.mtimeMs > newest) newest = status.mtimeMs
  }
  paths.forEach(visit)
  return newest
}

function isStale(output, inputs) {
  if (!onlyIfStale || !existsSync(output)) return true
  return newestModification(inputs) > statSync(output).mtimeMs
}

const serverOutput = join(root, 'apps/server/dist/main.js')
const serverInputs = [
  join(root, 'apps/server/src'),
  join(root, 'packages/contracts/src'),
  join(root, 'package-lock.json'),
]
if (isStale(serverOutput, serverInputs)) {
  await build({
    entryPoints: [join(root, 'apps/server/src/main.ts')],
    outfile: serverOutput,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        // npm packages stay external (installed in node_modules); the workspace's own packages are
        // TypeScript sources and are bundled.
        name: 'keep-npm-packages-external',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@kedai/') ? undefined : { path: args.path, external: true },
          )
        },
      },
    ],
  })
}

for (const app of ['widget', 'console']) {
  const folder = join(root, 'apps', app)
  if (!existsSync(join(folder, 'vite.config.ts'))) continue
  const output = join(folder, 'dist', 'index.html')
  const marker = existsSync(output) ? output : join(folder, 'dist', '.built')
  const pages = readdirSync(folder)
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(folder, file))
  const inputs = [
    join(folder, 'src'),
    join(folder, 'vite.config.ts'),
    ...pages,
    join(root, 'packages/contracts/src'),
  ]
  if (!isStale(marker, inputs)) continue
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: folder,
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
}
