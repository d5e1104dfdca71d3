// Jest runs in native ESM mode (NestJS 12 ships ES modules only): see the `test` script.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
  },
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
