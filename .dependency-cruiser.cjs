/**
 * Dependency directions of ../shared/design/architecture.md (see docs/architecture/layout.md).
 * Run by `npm run depcruise` (part of `npm test`, so CI enforces it).
 */
const server = '^apps/server/src/'
const vendorSdks = [
  'stripe',
  'nodemailer',
  'smtp-server',
  'better-sqlite3',
  'pg',
  'minisearch',
  'pdf-lib',
  'bwip-js',
  'node-nlp',
  'playwright-core',
]

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles.',
      from: { path: server },
      to: { circular: true },
    },
    {
      name: 'domain-not-to-other-domain',
      severity: 'error',
      comment: 'A domain imports only shared/, db/, contracts and its own files; cross-domain work is a workflow.',
      from: { path: `${server}domains/([^/]+)/` },
      to: { path: `${server}domains/`, pathNot: `${server}domains/$1/` },
    },
    {
      name: 'domain-stays-low',
      severity: 'error',
      comment: 'Domains do not reach up into workflows, assistant, adapters, http, jobs or app.',
      from: { path: `${server}domains/` },
      to: { path: `${server}(workflows|assistant|adapters|http|jobs|subscribers|app)/` },
    },
    {
      name: 'shared-is-kernel',
      severity: 'error',
      comment: 'shared/ is the kernel: it imports nothing else of the server.',
      from: { path: `${server}shared/` },
      to: { path: `${server}(?!shared/)` },
    },
    {
      name: 'workflows-use-domain-index',
      severity: 'error',
      comment: 'Workflows reach a domain through its index.ts only.',
      from: { path: `${server}(workflows|assistant|http|jobs|subscribers)/` },
      to: { path: `${server}domains/[^/]+/(?!index\\.ts$)` },
    },
    {
      name: 'only-app-names-adapters',
      severity: 'error',
      comment: 'Only app/ (the composition root) imports concrete adapters.',
      from: { path: server, pathNot: `${server}(app|adapters)/` },
      to: { path: `${server}adapters/` },
    },
    {
      name: 'vendor-sdk-only-in-adapters',
      severity: 'error',
      comment: 'Vendor SDKs are imported only inside adapters/<port>-<vendor>/ (db/ owns the database drivers).',
      from: { path: server, pathNot: [`${server}adapters/`, `${server}db/`, '\\.test\\.ts$', `${server}testing/`] },
      to: { dependencyTypes: ['npm'], path: `node_modules/(${vendorSdks.join('|')})/` },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'packages/contracts depends on nothing of the apps.',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
}
