/**
 * A page-wide request to open a world file in a Files editor (WorldFileEditor), so a panel that
 * writes a file (the generated policy) can hand it to the editor the learner edits in. The editor
 * that takes it marks the request handled (and says in its own status when unsaved text keeps it from
 * opening); with no editor for that world on the page nothing opens.
 */

/** The event's name on `window`. */
export const OPEN_FILE_EVENT = 'dojo:open-file';

/** What the request carries; `handled` is set by the editor that opened the file. */
export interface OpenFileRequest {
  world: string;
  name: string;
  handled: boolean;
}

const pending = new Map<string, string>();

/**
 * Asks the page's Files editor for `world` to open `name`; returns the request, `handled` set when
 * an editor took it. An editor not shown yet (it starts when scrolled into view) takes the last
 * request when it starts.
 */
export function requestOpenFile(world: string, name: string): OpenFileRequest {
  const detail: OpenFileRequest = { world, name, handled: false };
  window.dispatchEvent(new CustomEvent<OpenFileRequest>(OPEN_FILE_EVENT, { detail }));
  if (detail.handled) pending.delete(world);
  else pending.set(world, name);
  return detail;
}

/** The file a request asked for before this world's editor started (taken once). */
export function takePendingOpen(world: string): string | undefined {
  const name = pending.get(world);
  pending.delete(world);
  return name;
}
