// Saving something the screens produced or fetched (a CSV record, an attachment) as a file of the user's.
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The browser reads the blob after this turn; free it once the download surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
