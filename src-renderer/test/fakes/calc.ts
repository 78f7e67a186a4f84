import type { FakesFor } from './types';
import type { ChannelName } from '../../../shared/ipc';

/** Fake answers for the calc channels (component tests). Every channel of shared/ipc/calc.ts must be here. */
type CalcChannel = Extract<ChannelName, `calc.${string}`>;
export const calcFakes: FakesFor<CalcChannel> = {
  // "%PDF-1.4\n" as base64: enough for a download test.
  'calc.reportPdf': () => ({ fileName: 'Beregning.pdf', base64: 'JVBERi0xLjQK' }),
  'calc.reportHtml': () => ({ fileName: 'Beregning.html', html: '<!doctype html><title>Rapport</title>' }),
  // "PK" zip header as base64.
  'calc.exportXlsx': () => ({ fileName: 'Beregning.xlsx', base64: 'UEsDBA==' }),
  'calc.reportPrint': () => ({ printed: true }),
};
