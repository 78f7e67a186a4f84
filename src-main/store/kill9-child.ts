/**
 * Child process of the kill -9 test (store.kill9.test.ts): saves versions of one calculation
 * through the real store in a tight loop until it is killed. Loads, prints "R" (ready) and waits
 * for the first version number on stdin, so the parent can start the next child while the current
 * one runs. Protocol on stdout (synchronous writes): "S <v>" before saving version v, "D <v>" after.
 */
import { writeSync } from 'node:fs';
import { parseSom } from '../../shared/som/io';
import { createFileStore } from './store';

const [docsDir, dataDir, id, docText] = process.argv.slice(2);
const store = createFileStore({ documentsDir: docsDir, userDataDir: dataDir });
const doc = parseSom(docText);

function loop(start: number): void {
  for (let v = start; ; v++) {
    doc.intervention.description = `version ${v}`;
    doc.intervention.participants = doc.intervention.participants.map(() => v % 1000);
    writeSync(1, `S ${v}\n`);
    store.save(id, doc);
    writeSync(1, `D ${v}\n`);
  }
}

let input = '';
process.stdin.on('data', (b: Buffer) => {
  input += b.toString('utf8');
  const nl = input.indexOf('\n');
  if (nl >= 0) loop(Number(input.slice(0, nl)));
});
writeSync(1, 'R\n');
