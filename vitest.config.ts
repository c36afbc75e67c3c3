import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/web/*.test.tsx"],
    exclude: ["test/bench/**", "node_modules/**"],
    testTimeout: 30_000,
    // Synthesising the CDK stack or building the web app in a beforeAll takes seconds, more on a loaded
    // 2-core machine; the 10 s default turned those into flaky failures.
    hookTimeout: 60_000,
    globalSetup: ["test/support/global-setup.ts"],
  },
});
