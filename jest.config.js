// Jest runs in native ESM mode (NestJS 12 ships ES modules only): see the `test` script.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // ES-module-only releases (content-disposition 3, cookie 2) required by CommonJS packages
    // (@fastify/static, light-my-request) load natively on Node 20.19+, in Jest's module loader only
    // on Node 24.9+. package.json's overrides install their CommonJS releases, which this leaves as
    // they are; it keeps the suites loading on a node_modules installed before the overrides.
    '/node_modules/(content-disposition|cookie)/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(.*/node_modules/)?(content-disposition|cookie)/)'],
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 30000,
  // Jest's ESM mode keeps every test file's module graph alive in its worker, so one long-lived worker
  // slows down as the suite grows (later files ran 20x slower than alone). Workers are recycled
  // once they hold this much, and two of them share the machine's two cores.
  maxWorkers: 2,
  workerIdleMemoryLimit: '700MB',
};
