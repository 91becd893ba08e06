/**
 * Offers a file to the user as a download; nothing is kept in the page or in storage. The
 * figures are already suppressed by the server, so a download holds no more than the page.
 */
export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Offers text (a CSV) as a file download. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(fileName, url);
  // the click has started the download; the object URL is no longer needed
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A safe file name part: letters, digits and hyphens only. */
export const fileNamePart = (s: string): string =>
  s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
