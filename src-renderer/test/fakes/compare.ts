import type { FakesFor } from './types';
import type { ChannelName } from '../../../shared/ipc';
import { AppError } from '../../../shared/errors';

/** Fake answers for the compare channels (component tests). Every channel of shared/ipc/compare.ts must be here. */
type CompareChannel = Extract<ChannelName, `compare.${string}`>;
export const compareFakes: FakesFor<CompareChannel> = {
  'compare.list': () => [],
  'compare.open': () => {
    throw new AppError('not-found', 'Sammenligningen findes ikke.');
  },
  'compare.save': (a) => ({ id: 'f'.repeat(32), fileName: 'Sammenligning.somp', savedAt: '2026-12-01T10:00:00.000Z', doc: a.doc as never }),
  'compare.importFile': (a) => ({ id: 'e'.repeat(32), fileName: a.fileName, name: 'Sammenligning', members: [], savedAt: '2026-12-01T10:00:00.000Z', size: a.text.length, error: null }),
  'compare.exportFile': () => ({ fileName: 'Sammenligning.somp', text: '{}' }),
  'compare.reportPdf': () => ({ fileName: 'Sammenligning.pdf', base64: 'JVBERi0xLjQK' }),
  'compare.reportHtml': () => ({ fileName: 'Sammenligning.html', html: '<!doctype html><title>Rapport</title>' }),
  'compare.reportPrint': () => ({ printed: true }),
  'compare.exportXlsx': () => ({ fileName: 'Sammenligning.xlsx', base64: 'UEsDBA==' }),
};
