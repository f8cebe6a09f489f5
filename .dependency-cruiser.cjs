/**
 * Module boundaries, checked in CI:
 * - apps use the libraries, never each other; production code never uses the test kits;
 * - libs/domain (the kernel) imports nothing outside itself: no framework, driver or Node I/O;
 * - libs/platform builds on the kernel only; libs/testing on both;
 * - deciders and states (`*.decide.ts`, `*.decider.ts`, `*.state.ts`) stay pure: no Nest, TypeORM,
 *   pg, kafkajs, GraphQL, platform code, or the app's own application/graphql layers.
 */
const apps = ['gateway', 'stories', 'architect', 'sessions', 'cli', 'web', 'explorer'];
const SPEC = '\\.(unit|int)\\.spec\\.ts$|\\.e2e-spec\\.ts$|/testing/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...apps.map((app) => ({
      name: `no-cross-app-import-from-${app}`,
      comment: `apps/${app} may import the libraries but never another app`,
      severity: 'error',
      from: { path: `^apps/${app}/` },
      to: { path: '^apps/', pathNot: `^apps/${app}/` },
    })),
    {
      name: 'libs-never-import-apps',
      comment: 'the libraries are shared; they must not depend on any app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-kernel-is-self-contained',
      comment:
        'libs/domain imports nothing outside itself: no other library, framework, driver or Node module',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: SPEC },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'client-library-is-self-contained',
      comment:
        'libs/client (what the CLI and the web console share) runs in Node and in the browser: it imports nothing outside itself',
      severity: 'error',
      from: { path: '^libs/client/', pathNot: SPEC },
      to: { pathNot: '^libs/client/' },
    },
    {
      name: 'platform-builds-on-the-kernel-only',
      comment: 'libs/platform may use libs/domain, never the test kits',
      severity: 'error',
      from: { path: '^libs/platform/', pathNot: SPEC },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'production-code-never-uses-test-kits',
      comment: 'only specs (and benches) use libs/testing',
      severity: 'error',
      from: { path: '^apps/', pathNot: SPEC },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'deciders-are-pure',
      comment:
        'deciders and states take time and ids from the command: no framework, driver, GraphQL, platform, application code or Node I/O',
      severity: 'error',
      from: { path: '\\.(decide|decider|state)\\.ts$' },
      to: {
        path: [
          '^libs/platform/',
          '^libs/testing/',
          '/graphql/',
          '/application/',
          'node_modules/(@nestjs|typeorm|pg|kafkajs|graphql|@apollo|dockerode|openai)/',
          '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|os|process|worker_threads|cluster|crypto)$',
        ],
      },
    },
    {
      name: 'graphql-is-the-outer-layer',
      comment:
        'queries and commands return domain views; only resolvers (and their inputs), the models and the Nest modules wiring them touch graphql/',
      severity: 'error',
      from: {
        path: '^apps/(stories|architect|sessions)/src/',
        pathNot: [SPEC, '/graphql/', '\\.module\\.ts$', '\\.(resolver|input)\\.ts$'],
      },
      to: { path: '^apps/(stories|architect|sessions)/src/graphql/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
