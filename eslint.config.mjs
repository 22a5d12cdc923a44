// typescript-eslint (type-checked) + the import rules that enforce the dependency direction
// ir ← store ← surfaces ← server (STYLE §2, docs/adr/0005-dependency-direction.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const surfaces = ['atlan', 'atlas', 'atomic'];
const restrictImports = (banned) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: banned.map((p) => ({
        group: [`@audit-gateway/${p}`, `@audit-gateway/${p}/*`],
        message: 'see docs/adr/0005-dependency-direction.md',
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'coverage/**',
      'dist/**',
      'bin/**',
      '*.config.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-default-export': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'only packages/server/src/config reads process.env',
        },
      ],
    },
  },
  { files: ['packages/ir/src/**'], rules: restrictImports(['store', ...surfaces, 'server']) },
  { files: ['packages/store/src/**'], rules: restrictImports([...surfaces, 'server']) },
  ...surfaces.map((s) => ({
    files: [`packages/${s}/src/**`],
    rules: restrictImports([...surfaces.filter((o) => o !== s), 'server']),
  })),
  {
    files: ['packages/server/src/config/**', '**/test/**', '**/test-support/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off', 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/test/**', '**/test-support/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
