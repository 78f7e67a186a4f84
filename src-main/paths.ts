import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json, knowledge.sqlite and dist/ live) when running from source. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const shippedKnowledgePath = path.join(projectRoot, 'knowledge.sqlite');
export const rendererDir = path.join(projectRoot, 'dist', 'renderer');
