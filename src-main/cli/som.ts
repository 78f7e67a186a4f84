/**
 * The command line: `npm run som -- <command>`.
 * Commands: --version, --help, calc FILE.som [--json], report FILE.som --pdf OUT.pdf, compare A.som B.som … [--json].
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appVersion } from './version';

export { appVersion };

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(p: string): Promise<string | Buffer>;
  /** Size of a file in bytes, checked before it is read. */
  fileSize?(p: string): Promise<number>;
  cwd: string;
}

export const HELP = `SØM Desktop – kommandolinje

Brug: npm run som -- <kommando> [valg]

Kommandoer:
  calc FIL.som [--json]           Beregn en gemt beregning og vis resultaterne (kr., da-DK).
                                  Med --json: resultatobjektet fra .som-formatet (urundede tal).
  report FIL.som --pdf UD.pdf     Lav rapporten som PDF (kræver Chromium).
  knowledge import FIL.xlsx [--data-dir MAPPE] [--dry-run] [--json]
                                  Indlæs Socialstyrelsens tal fra SØM-regnearket (.xlsx/.xlsm)
                                  som en ny udgivelse af vidensdatabasen og tag den i brug.
                                  Med --dry-run: vis kun, hvad der blev fundet.
  compare A.som B.som … [--price-year ÅR] [--discount RENTE] [--period ÅR1-ÅR2] [--json]
                                  Sammenlign beregninger og læg dem sammen som en portefølje på et
                                  fælles grundlag. En .somp-fil kan stå i stedet for .som-filerne.
  --version                       Vis programversion.
  --help                          Vis denne hjælp.

Afslutningskoder: 0 = ok, 2 = fejl i fil eller valg.
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.stdout(HELP);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    io.stdout(`SØM Desktop ${appVersion()}\n`);
    return 0;
  }
  const fileSize = io.fileSize;
  const resolveIo = {
    ...io,
    readFile: (p: string) => io.readFile(path.resolve(io.cwd, p)),
    ...(fileSize ? { fileSize: (p: string) => fileSize(path.resolve(io.cwd, p)) } : {}),
  };
  if (cmd === 'calc') {
    const { runCalc } = await import('./calc');
    return runCalc(rest, resolveIo);
  }
  if (cmd === 'compare') {
    const { runCompare } = await import('./compare');
    return runCompare(rest, resolveIo);
  }
  if (cmd === 'knowledge') {
    const { runKnowledge } = await import('./knowledge');
    return runKnowledge(rest, io);
  }
  if (cmd === 'report') {
    const mod = (await import('./report').catch(() => null)) as { runReport?: (a: string[], io: CliIo) => Promise<number> } | null;
    if (!mod?.runReport) {
      io.stderr('Fejl: rapportkommandoen er ikke tilgængelig i denne version.\n');
      return 2;
    }
    return mod.runReport(rest, io);
  }
  io.stderr(`Fejl: ukendt kommando '${cmd}'. Se 'npm run som -- --help'.\n`);
  return 2;
}

/** Run as a script (tsx, or the bundled dist/cli/som.mjs, also through a bin symlink). */
function invokedDirectly(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(arg)).href;
  } catch {
    return import.meta.url === pathToFileURL(arg).href;
  }
}
const isMain = invokedDirectly();
if (isMain) {
  const { readFile, stat } = await import('node:fs/promises');
  const code = await runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readFile: (p) => readFile(p),
    fileSize: async (p) => (await stat(p)).size,
    cwd: process.env.INIT_CWD ?? process.cwd(),
  }).catch((e: unknown) => {
    process.stderr.write(`Fejl: ${(e as Error).message}\n`);
    return 2;
  });
  process.exitCode = code;
}
