import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64ToBytes, bytesToBase64, downloadFile, downloadText, fileToBase64 } from './download';

afterEach(() => vi.restoreAllMocks());

describe('download helpers', () => {
  it('round-trips bytes through base64 (including bytes ≥ 0x80)', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0x80, 0]);
    const b64 = bytesToBase64(bytes);
    expect(b64).toBe('UEsDBP+AAA==');
    expect([...base64ToBytes(b64)]).toEqual([...bytes]);
    expect(await fileToBase64(new Blob([bytes]))).toBe(b64);
  });

  it('downloads through a Blob URL and an <a download> click', async () => {
    let blob: Blob | null = null;
    const create = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:fake/1';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const clicked: { href: string; download: string }[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadFile({ fileName: 'priser.csv', mimeType: 'text/csv;charset=utf-8', base64: btoa('a;b\r\n1;2\r\n') });
    expect(spy).toHaveBeenCalledOnce();
    expect(clicked).toEqual([{ href: 'blob:fake/1', download: 'priser.csv' }]);
    expect(blob!.type).toBe('text/csv;charset=utf-8');
    const text = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(blob!);
    });
    expect(text).toBe('a;b\r\n1;2\r\n');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('offers text as a file and revokes the object URL afterwards', () => {
    vi.useFakeTimers();
    try {
      let blob: Blob | null = null;
      const revoke = vi.fn();
      Object.assign(URL, { createObjectURL: (b: Blob) => ((blob = b), 'blob:fake/2'), revokeObjectURL: revoke });
      const names: string[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        names.push(this.download);
      });
      downloadText('ICM.som', '{"format":"som"}', 'application/json');
      expect(names).toEqual(['ICM.som']);
      expect(blob!.type).toBe('application/json');
      expect(blob!.size).toBe(16);
      expect(revoke).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(revoke).toHaveBeenCalledWith('blob:fake/2');
    } finally {
      vi.useRealTimers();
    }
  });
});
