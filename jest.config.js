// One jest run for every package; each package is a project with its own environment.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// ESM-only dependencies that jest (CommonJS mode) must transform.
const esmDeps = ['@middy', '@tarojs', '@nutui', '@stencil', 'jose', 'flatbush', 'flatqueue', 'kdbush'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmDeps.join('|')})/)`];

const node = (name) => ({
  displayName: name,
  rootDir: `<rootDir>/${name}`,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.tsbuild/'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
});

export default {
  projects: [
    node('shared'),
    node('functions'),
    node('infra'),
    node('test'),
  ],
};
