import { describe, expect, it } from 'vitest';
import { formatCharacteristic, formatConsequence, formatEffectSize, formatHorizon, formatN, kindClass, studyCounterText } from './format';

describe('explorer formatting', () => {
  it('counter text is "Antal valgte effektstudier: N ud af M" with da-DK thousands separators', () => {
    expect(studyCounterText(8443, 8443)).toBe('Antal valgte effektstudier: 8.443 ud af 8.443');
    expect(studyCounterText(0, 12034)).toBe('Antal valgte effektstudier: 0 ud af 12.034');
    expect(studyCounterText(57, 120)).toBe('Antal valgte effektstudier: 57 ud af 120');
  });

  it('colour class per estimate kind; a null value is always blank', () => {
    expect(kindClass('estimate', -2.9)).toBe('kind-estimate');
    expect(kindClass('forecast', -0.4)).toBe('kind-forecast');
    expect(kindClass(null, null)).toBe('kind-blank');
    expect(kindClass('estimate', null)).toBe('kind-blank');
    expect(kindClass(undefined)).toBe('kind-blank');
  });

  it('formats values the Danish way', () => {
    expect(formatCharacteristic(0.11, 'andel')).toBe('11 %');
    expect(formatCharacteristic(90488, 'antal')).toBe('90.488');
    expect(formatCharacteristic(9.4, 'år')).toBe('9,4');
    expect(formatCharacteristic(null, 'år')).toBe('–');
    expect(formatConsequence(-2.94)).toBe('-2,9');
    expect(formatConsequence(null)).toBe('');
    expect(formatEffectSize(0.456)).toBe('0,46');
    expect(formatHorizon(24)).toBe('2 år');
    expect(formatHorizon(6)).toBe('6 mdr.');
    expect(formatN(1075, null)).toBe('1.075 / –');
    expect(formatN(80, undefined)).toBe('80');
  });
});
