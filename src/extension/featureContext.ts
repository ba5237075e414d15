import type * as vscode from 'vscode';
import type { CorpusService } from './corpusService';

export interface FeatureContext {
  context: vscode.ExtensionContext;
  service: CorpusService;
  output: vscode.LogOutputChannel;
  /** The object activate() returns; features may add what tests need to reach. */
  api?: Record<string, unknown>;
}
