import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "drizzle/**",
      "logs/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "tests/.artifacts/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Components and browser code reach the data through services and actions; the vocabularies
    // they show are in lib/domain, which pulls no database code into a bundle.
    files: ["components/**", "lib/client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "**/db/*", "drizzle-orm", "drizzle-orm/*", "mysql2", "mysql2/*"],
              message: "Database code stays on the server; enums are in @/lib/domain.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line tools, the seed, benchmarks and test runners talk to the terminal.
    files: ["lib/cli/**", "db/**", "tests/**"],
    rules: { "no-console": "off" },
  },
);
