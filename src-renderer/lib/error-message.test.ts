import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message';
import { ApiError } from './api';

describe('errorMessage', () => {
  it("shows main's Danish message of an ApiError and an Error's message", () => {
    expect(errorMessage(new ApiError({ code: 'conflict', message: 'Filen er ændret af en anden.' }))).toBe('Filen er ændret af en anden.');
    expect(errorMessage(new RangeError('Startåret skal ligge i 1998–2080.'))).toBe('Startåret skal ligge i 1998–2080.');
  });

  it('shows a thrown string or other value as text, or the fallback when one is given', () => {
    expect(errorMessage('Forbindelsen blev afbrudt')).toBe('Forbindelsen blev afbrudt');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage({ reason: 'x' }, 'Beregningen er ikke gyldig.')).toBe('Beregningen er ikke gyldig.');
    expect(errorMessage(new Error('Feltet mangler.'), 'Beregningen er ikke gyldig.')).toBe('Feltet mangler.');
  });
});
