import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const DRIZZLE_MESSAGE = "Query through a function in db/queries instead.";
const DRIZZLE_IMPORTS = { group: ["drizzle-orm", "drizzle-orm/*"], message: DRIZZLE_MESSAGE };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // drizzle's footguns: an update or delete without a where clause.
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // Unused variables are errors, except a leading underscore (`_request`) or a rest sibling
    // (`const { ownerId, ...shown } = row` leaves ownerId out on purpose).
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          varsIgnorePattern: "^_",
          argsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // All SQL lives in db/: pages, components, lib and scripts call its named functions,
    // whether drizzle would come in by a static or a dynamic import.
    files: ["app/**", "components/**", "lib/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [DRIZZLE_IMPORTS] }],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression[source.value=/^drizzle-orm($|\\/)/]", message: DRIZZLE_MESSAGE },
        { selector: "CallExpression[callee.name='require'][arguments.0.value=/^drizzle-orm($|\\/)/]", message: DRIZZLE_MESSAGE },
      ],
    },
  },
  {
    // Components render what pages hand them: from db/ they may take types, and the plain
    // reference data of db/reference (no database access), never queries, the client or schema values.
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            DRIZZLE_IMPORTS,
            {
              group: ["@/db/*", "!@/db/reference", "!@/db/reference/*"],
              allowTypeImports: true,
              message: "Components take data from their page; import only types from db/ (or db/reference data).",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression[source.value=/^drizzle-orm($|\\/)/]", message: DRIZZLE_MESSAGE },
        { selector: "ImportExpression[source.value=/^@\\/db\\/(?!reference)/]", message: "Components do not load db/ modules." },
      ],
    },
  },
  {
    // One module parses the environment (lib/env.ts).
    files: ["app/**", "components/**", "lib/**", "db/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through env() from lib/env.ts." }],
    },
  },
];

export default config;
