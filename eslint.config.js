import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// shared/ is the pure domain: no cloud SDK, no Lambda middleware, no mini-program
// runtime, and no environment. Everything it needs is passed in.
export const domainBoundary = {
  files: ['shared/src/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@aws-sdk/*', '@aws-sdk', '@aws-lambda-powertools/*'], message: 'shared/ is pure: no AWS SDK (use a port the functions package implements).' },
          { group: ['@middy/*', '@middy'], message: 'shared/ is pure: no Lambda middleware.' },
          { group: ['@tarojs/*', '@tarojs'], message: 'shared/ is pure: no mini-program runtime.' },
        ],
      },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'env', message: 'shared/ is pure: pass configuration in, never read process.env.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "MemberExpression[object.type='MemberExpression'][object.property.name='process'][property.name='env']",
        message: 'shared/ is pure: pass configuration in, never read process.env.',
      },
      {
        selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
        message: 'shared/ is pure: pass configuration in, never read process.env.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.tsbuild/**', '**/cdk.out/**', '**/.local/**', 'miniapp/.temp/**', 'bench/results/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The mini-program's components and hooks: hooks called unconditionally, effects listing what they read.
    files: ['miniapp/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests read untyped JSON answers off the wire; asserting on them is the point.
    files: ['**/test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  domainBoundary,
);
