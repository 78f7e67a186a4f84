/**
 * Child process of the two-writer test (shared-folder.test.ts): saves `count` new calculations,
 * all named as the document, into one store folder through the real store, as fast as it can,
 * once the parent says go. Prints one line per save: "OK <fileName>" or "ERR <message>".
 */
import { writeSync } from 'node:fs';
import { parseSom } from '../../shared/som/io';
import { createFileStore } from './store';

const [docsDir, dataDir, countText, docText] = process.argv.slice(2);
const store = createFileStore({ documentsDir: docsDir, userDataDir: dataDir });
const doc = parseSom(docText);

process.stdin.once('data', () => {
  for (let i = 0; i < Number(countText); i++) {
    try {
      writeSync(1, `OK ${store.save(null, doc).fileName}\n`);
    } catch (e) {
      writeSync(1, `ERR ${(e as Error).message}\n`);
    }
  }
  process.exit(0);
});
writeSync(1, 'R\n');
