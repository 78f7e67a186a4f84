/**
 * Saves data through the browser's download mechanism: Blob → object URL → <a download> click →
 * revoke. In Electron, main handles `will-download` with a save dialog; in the web host the
 * browser downloads the file.
 */

/** A file main produced: name, type and the bytes as base64. */
export interface DownloadFile {
  fileName: string;
  mimeType?: string;
  base64: string;
}

/** Time the browser gets to start reading the blob before its URL is revoked. */
const REVOKE_AFTER_MS = 30_000;

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}

/** Reads a user-chosen file (e.g. from <input type=file>) as base64. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Filen kunne ikke læses.'));
    reader.readAsDataURL(file);
  });
}

/** Offers a Blob as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Offers a file from main (base64 bytes) as a download. */
export function downloadFile(file: DownloadFile, doc: Document = document): void {
  downloadBlob(new Blob([base64ToBytes(file.base64)], { type: file.mimeType ?? 'application/octet-stream' }), file.fileName, doc);
}

/** Offers text as a file download. */
export function downloadText(fileName: string, text: string, mimeType = 'application/octet-stream', doc: Document = document): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName, doc);
}
