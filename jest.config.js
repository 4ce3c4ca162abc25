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
  // middy publishes only an "import" export condition; jest resolves as CommonJS.
  moduleNameMapper: { '^@middy/(core|util)$': '<rootDir>/../node_modules/@middy/$1/index.js' },
});

// ESM pulled in by Taro's H5 runtime and components (some from their own nested .pnpm folders).
const taroH5EsmDeps = ['lodash-es', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'nanoid', 'style-inject', 'swiper', 'ssr-window', 'dom7', 'tslib', '\\.pnpm'];

// The mini-program's pages run in jsdom with Taro's H5 components and a Taro API shim.
const miniapp = {
  ...node('miniapp'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/.tsbuild/', '/dist/'],
  // Build-time constants the Taro runners define; the H5 runtime reads them at load.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    SUPPORT_DINGTALK_NAVIGATE: 'disabled',
    SUPPORT_TARO_POLYFILL: 'disabled',
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taro-shim.ts',
    '^@nutui/nutui-react-taro$': '<rootDir>/test/nutui-shim.ts',
    '\\.(css|scss|less)$': '<rootDir>/test/style-stub.ts',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${[...esmDeps, ...taroH5EsmDeps].join('|')})/)`],
};

export default {
  projects: [
    node('shared'),
    node('functions'),
    node('infra'),
    node('test'),
    miniapp,
  ],
};
