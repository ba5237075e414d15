// A minimal stand-in for the 'vscode' module so pure extension helpers (markdown building) can be
// unit-tested in plain Node. Only what those helpers touch is provided.
import Module from 'node:module';

class MarkdownString {
  value: string;
  supportThemeIcons: boolean;
  isTrusted: boolean | { enabledCommands: readonly string[] } = false;
  supportHtml = false;
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(s: string) { this.value += s; return this; }
  appendText(s: string) { this.value += s.replace(/[\\`*_{}[\]()#+\-.!<>]/g, (c) => `\\${c}`); return this; }
}

const stub = { MarkdownString };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const M = Module as any;
const resolve = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return 'vscode';
  return resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub } as unknown as NodeJS.Module;
