// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const edgeImports = ["hono", "hono/*", "@hono/*", "drizzle-orm", "drizzle-orm/*", "@libsql/*", "cloudflare:*", "node:*"];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".wrangler/", ".data/", ".xdg/", "drizzle/meta/", "test/integration/openapi-client/generated/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // The matching core is pure: no HTTP framework, no database, no runtime APIs.
    files: ["matching/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: edgeImports, message: "matching/ is pure: data in, decisions out. Do the I/O in workers/." },
            { group: ["**/workers/**", "**/schema/**"], message: "Layers point one way: workers → schema, workers → matching." },
          ],
        },
      ],
    },
  },
  {
    // Tables and migrations know nothing of HTTP or the matching core.
    files: ["schema/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["hono", "hono/*", "@hono/*", "cloudflare:*"], message: "schema/ owns tables; no HTTP here." },
            { group: ["**/workers/**", "**/matching/**"], message: "Layers point one way: workers → schema." },
          ],
        },
      ],
    },
  },
  {
    // Entry points, scripts, benches and tests may print.
    files: ["workers/entry-node.ts", "workers/logger.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
