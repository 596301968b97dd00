/**
 * Saving text as a file from the page: one click, no link to click a second time. The object URL
 * is made right before the click and revoked after it, so nothing lingers.
 */

/** Downloads `text` as a file called `name`. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
