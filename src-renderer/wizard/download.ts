/** Offers text as a file download (renderer; Electron's will-download shows the save dialog). */
export function downloadText(fileName: string, text: string, mime = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
