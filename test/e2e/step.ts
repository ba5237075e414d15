// The shape of an e2e step. Steps run in order in one workbench; each gets a screenshot of its own.
import assert from 'node:assert';
import type { Page } from 'playwright-core';
import type { Workbench } from './ui';

export interface StepContext {
  page: Page;
  ui: Workbench;
  /** Saves an extra screenshot under test-results/e2e/ (each step also gets one at its end). */
  screenshot(label: string): Promise<void>;
  /** The seed file whose name starts with `prefix` ("000"), as copied into the workspace. */
  seed(prefix: string): { name: string; text: string };
}

export interface Step {
  name: string;
  /** The issue that delivers what the step checks; printed when it fails. */
  feature?: string;
  timeoutMs?: number;
  run(ctx: StepContext): Promise<void>;
}

export { assert };
