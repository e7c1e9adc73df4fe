import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // a fixed key for the participant register in tests (never a key file in ./data);
    // tests of the key itself set and clear it on their own
    env: { SAMSPAR_REGISTER_KEY: "dGVzdC1rZXktZm9yLXRoZS1yZWdpc3Rlci0zMmJ5dGU=" },
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
