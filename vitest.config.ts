import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/bench/**", "node_modules/**"],
    testTimeout: 30_000,
    // Hooks start DynamoDB Local or synthesize the stack: seconds alone, much longer on a busy 2-core machine.
    hookTimeout: 60_000,
    globalSetup: ["test/support/global-setup.ts"],
  },
});
