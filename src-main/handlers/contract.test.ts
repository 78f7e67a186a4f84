/**
 * The IPC contract is enforced by the type checker: a handler map or a fake bridge that lacks a
 * channel of shared/ipc.ts must not compile. Proven here with the TypeScript compiler API on
 * probe files, next to a control probe that must compile.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../paths';

function diagnosticsFor(source: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'som-contract-'));
  const file = path.join(dir, 'probe.ts');
  writeFileSync(file, source);
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: ['node'], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    typeRoots: [path.join(projectRoot, 'node_modules/@types')],
  };
  const program = ts.createProgram([file], options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const imports = (root: string) => `
import type { HandlerMap } from '${root}/src-main/handlers/types';
import { handlers } from '${root}/src-main/handlers/index';
import type { FakeHandlers } from '${root}/src-renderer/test/fakes/types';
import { defaultFakes } from '${root}/src-renderer/test/fake-api';
`;

describe('typed IPC contract', () => {
  const root = projectRoot.replaceAll('\\', '/');

  it('a complete handler map and fake bridge compile', () => {
    const diags = diagnosticsFor(`${imports(root)}
export const h: HandlerMap = { ...handlers };
export const f: FakeHandlers = { ...defaultFakes };
`);
    expect(diags).toEqual([]);
  });

  it('a handler map missing a channel fails the type check', () => {
    const diags = diagnosticsFor(`${imports(root)}
const { ['app.info']: _omitted, ...rest } = handlers;
export const h: HandlerMap = rest;
`);
    expect(diags.join('\n')).toMatch(/app\.info/);
  });

  it('a fake bridge missing a channel fails the type check', () => {
    const diags = diagnosticsFor(`${imports(root)}
const { ['knowledge.health']: _omitted, ...rest } = defaultFakes;
export const f: FakeHandlers = rest;
`);
    expect(diags.join('\n')).toMatch(/knowledge\.health/);
  });
}, 120_000);
